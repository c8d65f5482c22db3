using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

public sealed class CodeActionTests
{
    [Fact]
    public async Task A_did_you_mean_becomes_a_preferred_quick_fix()
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);
        var cursor = await session.OpenMarked("rules.trig", "rule r on cart_abandonned send emial \"hi\"\n|");
        await session.Diagnostics("rules.trig", d => d.Count == 2);

        var actions = await session.Request<IReadOnlyList<CodeAction>>("textDocument/codeAction",
            new CodeActionParams(new TextDocumentIdentifier(session.Uri("rules.trig")), new Protocol.Range(new Position(0, 0), cursor)));

        Assert.Equal(["Change to 'cart_abandoned'", "Change to 'email'"], actions.Select(a => a.Title));
        var edit = Assert.Single(actions[0].Edit.Changes[session.Uri("rules.trig")]);
        Assert.Equal(new TextEdit(new Protocol.Range(new Position(0, 10), new Position(0, 25)), "cart_abandoned"), edit);
        Assert.Equal("TRG0301", Assert.Single(actions[0].Diagnostics).Code);
        Assert.True(actions[0].IsPreferred);
    }

    [Fact]
    public async Task No_action_outside_the_diagnostic()
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);
        await session.Open("rules.trig", "rule r on cart_abandonned\n  send email \"hi\"\n");

        var actions = await session.Request<IReadOnlyList<CodeAction>>("textDocument/codeAction",
            new CodeActionParams(new TextDocumentIdentifier(session.Uri("rules.trig")), new Protocol.Range(new Position(1, 3), new Position(1, 4))));

        Assert.Empty(actions);
    }
}
