using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

public sealed class DocumentSymbolTests
{
    [Fact]
    public async Task Events_with_fields_the_profile_and_rules_named_or_anonymous()
    {
        using var folder = new TempFolder();
        await using var session = await LspSession.StartAsync(folder);
        await session.Open("cart.trig", Projects.Schema + "\n" + Projects.Rule + "\non purchase send sms \"thanks\"\n");

        var symbols = await session.Request<IReadOnlyList<DocumentSymbol>>("textDocument/documentSymbol",
            new DocumentSymbolParams(new TextDocumentIdentifier(session.Uri("cart.trig"))));

        Assert.Equal(["cart_abandoned", "purchase", "user", "cart_recovery", "cart_1"], symbols.Select(s => s.Name));
        Assert.Equal(["cart_id", "total", "items"], symbols[0].Children!.Select(c => c.Name));
        Assert.Equal("money", symbols[0].Children![1].Detail);
        Assert.Equal("Cart recovery", symbols[3].Detail);
        Assert.Equal(SymbolKind.Function, symbols[4].Kind);
    }
}
