using System.Text;
using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Formatting;

/// <summary>
/// Writes the lines and their comments: one blank line between top-level items,
/// none inside them. Blank lines the user put among the comments before a
/// top-level item (a file header, a section note) or at the end of the file are
/// kept, at most one at a time.
/// </summary>
internal sealed class LayoutRenderer(SourceCursor source, CommentLayout comments)
{
    private readonly StringBuilder _output = new();

    public string Render(IReadOnlyList<IReadOnlyList<FormattedLine>> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                BlankLine();
            }
            var first = true;
            foreach (var line in items[i])
            {
                WriteComments(comments.LeadingOf(line), line.CommentIndent, line.Anchor, keepBlankLines: first);
                var trailing = comments.TrailingOf(line).Select(c => " " + CommentText.Normalize(c.Text));
                WriteLine(line.Indent, line.Text + string.Concat(trailing));
                first = false;
            }
        }
        if (comments.EndOfFile.Count > 0)
        {
            if (items.Count > 0)
            {
                BlankLine();
            }
            WriteComments(comments.EndOfFile, 0, null, keepBlankLines: true);
        }
        return _output.ToString();
    }

    /// <param name="itemStart">Where the item these comments precede begins; null at the end of the file.</param>
    /// <param name="keepBlankLines">Only around top-level items: inside an item the layout alone decides.</param>
    private void WriteComments(IReadOnlyList<CommentTrivia> list, int indent, int? itemStart, bool keepBlankLines)
    {
        for (var i = 0; i < list.Count; i++)
        {
            var comment = list[i];
            WriteLine(indent, CommentText.Normalize(comment.Text));
            var next = i + 1 < list.Count ? list[i + 1].Span.Start : itemStart;
            // A comment moved out of an item's header has no source gap before the item to copy.
            if (keepBlankLines && next is { } end && end >= comment.Span.End && source.HasBlankLine(comment.Span.End, end))
            {
                BlankLine();
            }
        }
    }

    private void WriteLine(int indent, string text) => _output.Append(' ', indent).Append(text).Append('\n');

    private void BlankLine()
    {
        if (_output.Length > 0 && !EndsWith("\n\n"))
        {
            _output.Append('\n');
        }
    }

    private bool EndsWith(string suffix) =>
        _output.Length >= suffix.Length && _output.ToString(_output.Length - suffix.Length, suffix.Length) == suffix;
}
