using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Formatting;

/// <summary>Collects the lines of one top-level item.</summary>
internal sealed class LineBuilder(SourceCursor source)
{
    public const int IndentSize = 2;

    private readonly List<FormattedLine> _lines = [];

    public IReadOnlyList<FormattedLine> Lines => _lines;

    public void Add(int indent, string text, int anchor) => _lines.Add(new FormattedLine(indent, text, anchor, indent));

    /// <summary>
    /// <c>header {</c>, one line per child, <c>}</c>; or <c>header {}</c> when nothing,
    /// not even a comment, stands between the braces (a comment there keeps the
    /// block open so that it stays inside).
    /// </summary>
    public void Block<T>(int indent, string header, int anchor, int openBrace, int closeBrace, IReadOnlyList<T> children, Func<T, string> print)
        where T : SyntaxNode
    {
        if (children.Count == 0 && !source.HasCommentWithin(openBrace + 1, closeBrace))
        {
            Add(indent, header + " {}", anchor);
            return;
        }
        Add(indent, header + " {", anchor);
        foreach (var child in children)
        {
            Add(indent + IndentSize, print(child), child.Span.Start);
        }
        _lines.Add(new FormattedLine(indent, "}", closeBrace, indent + IndentSize));
    }
}
