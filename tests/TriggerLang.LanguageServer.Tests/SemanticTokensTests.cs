using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

public sealed class SemanticTokensTests
{
    [Fact]
    public async Task Names_are_classified_by_what_they_resolve_to()
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);
        await session.Open("rules.trig", "rule r on purchase\n  where lower(order_id) == user.email\n  send sms \"hi\"\n");

        var tokens = await session.Request<SemanticTokens>("textDocument/semanticTokens/full",
            new SemanticTokensParams(new TextDocumentIdentifier(session.Uri("rules.trig"))));

        // (line delta, start delta, length, type, modifiers): legend types type/property/function/enumMember; modifiers declaration=1, defaultLibrary=2.
        Assert.Equal(
        [
            0, 5, 1, 2, 1, // r: rule declaration
            0, 5, 8, 0, 0, // purchase: event
            1, 8, 5, 2, 2, // lower: built-in function
            0, 6, 8, 1, 0, // order_id: field
            0, 18, 5, 1, 2, // email: built-in user attribute
            1, 7, 3, 3, 0, // sms: channel
        ], tokens.Data);
    }
}
