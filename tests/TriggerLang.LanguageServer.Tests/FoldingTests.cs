using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

public sealed class FoldingTests
{
    [Fact]
    public async Task Multi_line_items_and_block_comments_fold()
    {
        using var folder = new TempFolder();
        await using var session = await LspSession.StartAsync(folder);
        await session.Open("cart.trig", "/* about\n   carts */\n" + Projects.Schema + "\n" + Projects.Rule + "\non purchase send sms \"one line\"\n");

        var ranges = await session.Request<IReadOnlyList<FoldingRange>>("textDocument/foldingRange",
            new FoldingRangeParams(new TextDocumentIdentifier(session.Uri("cart.trig"))));

        Assert.Equal(
        [
            new FoldingRange(0, 1, "comment"), new FoldingRange(2, 6, null), new FoldingRange(8, 11, null),
            new FoldingRange(13, 15, null), new FoldingRange(16, 21, null),
        ], ranges);
    }
}
