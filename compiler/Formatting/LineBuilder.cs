using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Formatting;

/// <summary>Collects the lines of one top-level item.</summary>
internal sealed class LineBuilder(SourceCursor source)
{
    public const int IndentSize = 2;

    private readonly List<FormattedLine> _lines = [];

    public IReadOnlyList<FormattedLine> Lines => _lines;

    /// <param name="joinsClosingBrace">
    /// Write the text on the previous line when that is a lone closing brace, as in
    /// <c>} else send push {</c>. The joined line keeps the brace's anchor, so a comment
    /// before it stays in the block the brace closes.
    /// </param>
    public void Add(int indent, string text, int anchor, bool blankLineAbove = false, bool joinsClosingBrace = false)
    {
        if (joinsClosingBrace && _lines is [.., { ClosesBlock: true, Text: "}" } brace])
        {
            _lines[^1] = brace with { Text = "} " + text };
            return;
        }
        _lines.Add(new FormattedLine(indent, text, anchor, blankLineAbove));
    }

    /// <summary>
    /// <c>header {</c>, one line per child, <c>}</c>; or <c>header {}</c> when nothing,
    /// not even a comment, stands between the braces (a comment there keeps the
    /// block open so that it stays inside). A blank line the user left between two
    /// children, or between the last child and comments closing the block, is kept;
    /// one right after <c>{</c> is not: the brace already opens the group.
    /// </summary>
    /// <param name="blankLineAbove">Keep a blank line above the header: see <see cref="FormattedLine.BlankLineAbove"/>.</param>
    /// <param name="joinsClosingBrace">Put the header on the previous line when that is a lone closing brace: see <see cref="Add"/>.</param>
    public void Block<T>(int indent, string header, int anchor, int openBrace, int closeBrace, IReadOnlyList<T> children, Func<T, string> print,
        bool blankLineAbove = false, bool joinsClosingBrace = false)
        where T : SyntaxNode
    {
        if (children.Count == 0 && !source.HasCommentWithin(openBrace + 1, closeBrace))
        {
            Add(indent, header + " {}", anchor, blankLineAbove, joinsClosingBrace);
            return;
        }
        Add(indent, header + " {", anchor, blankLineAbove, joinsClosingBrace);
        for (var i = 0; i < children.Count; i++)
        {
            Add(indent + IndentSize, print(children[i]), children[i].Span.Start, i > 0 && source.StartsParagraph(children[i].Span.Start));
        }
        _lines.Add(new FormattedLine(indent, "}", closeBrace, children.Count > 0 && source.StartsParagraph(closeBrace), ClosesBlock: true));
    }
}
