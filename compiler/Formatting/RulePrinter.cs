using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Formatting;

/// <summary>
/// Lays out a rule: header, <c>on</c>, one clause per line in canonical order, then
/// the send chain with each <c>else send</c> on its own line at the indent of <c>send</c>.
/// </summary>
internal sealed class RulePrinter(SourceCursor source, LineBuilder lines)
{
    private const int BodyIndent = LineBuilder.IndentSize;

    private readonly ClausePrinter _clauses = new(source);

    public void Rule(RuleDeclarationSyntax rule)
    {
        // An anonymous rule has no header: `on` takes column 0 and the clauses still indent.
        var onIndent = 0;
        if (rule.Name is { } name)
        {
            var title = rule.Title is null ? "" : " " + source.Text(rule.Title.Span);
            lines.Add(0, "rule " + name.Name + title, rule.Span.Start);
            onIndent = BodyIndent;
        }
        lines.Add(onIndent, _clauses.On(rule.On), rule.On.Span.Start);
        foreach (var clause in ClauseOrder.Arrange(rule.Clauses))
        {
            lines.Add(BodyIndent, _clauses.Print(clause), clause.Span.Start);
        }
        Send(rule.Send ?? throw new InvalidOperationException("The rule has no send clause: the tree has errors."), null);
    }

    /// <param name="elseKeyword">Where the <c>else</c> before a fallback stands; null for the first send.</param>
    private void Send(SendClauseSyntax send, int? elseKeyword)
    {
        var header = (elseKeyword is null ? "send " : "else send ") + send.Channel.Name;
        var anchor = elseKeyword ?? send.Span.Start;
        int contentEnd;
        if (send.IsBlock)
        {
            var open = source.Expect(send.Channel.Span.End, '{');
            var close = source.Expect(send.Fields.IsEmpty ? open + 1 : source.SkipComma(send.Fields[^1].Span.End), '}');
            lines.Block(BodyIndent, header, anchor, open, close, send.Fields, field => field.Name.Name + ": " + Template(field.Value));
            contentEnd = close + 1;
        }
        else
        {
            var body = send.Body ?? throw new InvalidOperationException("The send has no content: the tree has errors.");
            lines.Add(BodyIndent, header + " " + Template(body), anchor);
            contentEnd = body.Span.End;
        }
        if (send.Fallback is { } fallback)
        {
            Send(fallback, source.Expect(contentEnd, 'e'));
        }
    }

    private string Template(TemplateValueSyntax value) => (value.IsFile ? "template " : "") + source.Text(value.Text.Span);
}
