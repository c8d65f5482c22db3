using TriggerLang.Compiler.Formatting;
using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Text;
using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

public sealed class FormattingTests
{
    private static async Task<IReadOnlyList<TextEdit>> Format(string text)
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);
        await session.Open("rules.trig", text);
        return await session.Request<IReadOnlyList<TextEdit>>("textDocument/formatting",
            new DocumentFormattingParams(new TextDocumentIdentifier(session.Uri("rules.trig"))));
    }

    [Fact]
    public async Task One_whole_document_edit_with_exactly_trig_fmt_output()
    {
        const string text = "on cart_abandoned where total>100 delay 30m unless purchase within 24h send email \"Your cart misses you\"\n\n\n// end\n";

        var edit = Assert.Single(await Format(text));

        Assert.Equal(TrigFormatter.Format(TrigParser.Parse(new SourceFile("rules.trig", text))), edit.NewText);
        Assert.Equal(new Protocol.Range(new Position(0, 0), new Position(4, 0)), edit.Range);
    }

    [Fact]
    public async Task No_edit_for_a_formatted_file_or_one_with_syntax_errors()
    {
        var formatted = TrigFormatter.Format(TrigParser.Parse(new SourceFile("rules.trig", Projects.Rule)));

        Assert.Empty(await Format(formatted));
        Assert.Empty(await Format("rule r on purchase where ( send"));
    }
}
