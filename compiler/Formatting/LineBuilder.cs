using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Formatting;

/// <summary>Collects the lines of one top-level item.</summary>
internal sealed class LineBuilder(SourceCursor source)
{
    public const int IndentSize = 2;

    private readonly List<FormattedLine> _lines = [];

    public IReadOnlyList<FormattedLine> Lines => _lines;

    public void Add(int indent, string text, int anchor, bool blankLineAbove = false) =>
        _lines.Add(new FormattedLine(indent, text, anchor, blankLineAbove));

    /// <summary>
    /// <c>header {</c>, one line per child, <c>}</c>; or <c>header {}</c> when nothing,
    /// not even a comment, stands between the braces (a comment there keeps the
    /// block open so that it stays inside). A blank line the user left between two
    /// children, or between the last child and comments closing the block, is kept;
    /// one right after <c>{</c> is not: the brace already opens the group.
    /// </summary>
    public void Block<T>(int indent, string header, int anchor, int openBrace, int closeBrace, IReadOnlyList<T> children, Func<T, string> print,
        bool blankLineAbove = false)
        where T : SyntaxNode
    {
        if (children.Count == 0 && !source.HasCommentWithin(openBrace + 1, closeBrace))
        {
            Add(indent, header + " {}", anchor, blankLineAbove);
            return;
        }
        Add(indent, header + " {", anchor, blankLineAbove);
        for (var i = 0; i < children.Count; i++)
        {
            Add(indent + IndentSize, print(children[i]), children[i].Span.Start, i > 0 && source.StartsParagraph(children[i].Span.Start));
        }
        _lines.Add(new FormattedLine(indent, "}", closeBrace, children.Count > 0 && source.StartsParagraph(closeBrace), ClosesBlock: true));
    }
}
