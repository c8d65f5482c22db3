using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Formatting;

/// <summary>
/// Lays out a rule: header, <c>on</c>, one clause per line in canonical order, then
/// the send chain: each <c>else send</c> on the closing brace of a block before it,
/// otherwise on its own line at the indent of <c>send</c>.
/// Blank lines the user put between <c>on</c>, the clauses and <c>send</c> are kept
/// as <see cref="RuleParagraphs"/> decides; none follows the header, which opens the
/// rule like a brace, and none precedes <c>else send</c>, which continues the send.
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
        var clauses = ClauseOrder.Arrange(rule.Clauses);
        var send = rule.Send ?? throw new InvalidOperationException("The rule has no send clause: the tree has errors.");
        var blankAbove = RuleParagraphs.BlankLinesAbove(rule, clauses, send, source);
        lines.Add(onIndent, _clauses.On(rule.On), rule.On.Span.Start);
        for (var i = 0; i < clauses.Length; i++)
        {
            lines.Add(BodyIndent, _clauses.Print(clauses[i]), clauses[i].Span.Start, blankAbove[i + 1]);
        }
        Send(send, null, blankAbove[^1]);
    }

    /// <param name="elseKeyword">Where the <c>else</c> before a fallback stands; null for the first send.</param>
    /// <param name="afterBrace">
    /// The fallback may start on the closing brace of the send before it, <c>} else send push {</c>,
    /// as <c>} else {</c> reads in most languages; it does not when a comment stands between the
    /// brace and <c>send</c>, so that the comment keeps its place.
    /// </param>
    private void Send(SendClauseSyntax send, int? elseKeyword, bool blankLineAbove = false, bool afterBrace = false)
    {
        var header = (elseKeyword is null ? "send " : "else send ") + send.Channel.Name;
        var anchor = elseKeyword ?? send.Span.Start;
        int contentEnd;
        if (send.IsBlock)
        {
            var open = source.Expect(send.Channel.Span.End, '{');
            var close = source.Expect(send.Fields.IsEmpty ? open + 1 : source.SkipComma(send.Fields[^1].Span.End), '}');
            lines.Block(BodyIndent, header, anchor, open, close, send.Fields, field => field.Name.Name + ": " + Template(field.Value),
                blankLineAbove, afterBrace);
            contentEnd = close + 1;
        }
        else
        {
            var body = send.Body ?? throw new InvalidOperationException("The send has no content: the tree has errors.");
            lines.Add(BodyIndent, header + " " + Template(body), anchor, blankLineAbove, afterBrace);
            contentEnd = body.Span.End;
        }
        if (send.Fallback is { } fallback)
        {
            Send(fallback, source.Expect(contentEnd, 'e'), afterBrace: !source.HasCommentWithin(contentEnd, fallback.Span.Start));
        }
    }

    private string Template(TemplateValueSyntax value) => (value.IsFile ? "template " : "") + source.Text(value.Text.Span);
}
