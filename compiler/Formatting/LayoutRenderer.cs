using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Formatting;

/// <summary>
/// Writes the lines and their comments: one blank line between top-level items;
/// inside an item, one where the printers kept the user's (see
/// <see cref="FormattedLine.BlankLineAbove"/>). Among the comments above a line, a
/// blank line the user left between two comments, or between the comments and
/// the line, is kept as well — except right above a closing brace. Several blank
/// lines always become one. Trailing comments are lined up last, by <see cref="TrailingCommentAligner"/>.
/// </summary>
internal sealed class LayoutRenderer(SourceCursor source, CommentLayout comments)
{
    private readonly List<OutputLine> _output = [];

    public string Render(IReadOnlyList<IReadOnlyList<FormattedLine>> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                BlankLine();
            }
            foreach (var line in items[i])
            {
                Write(line);
            }
        }
        if (comments.EndOfFile.Count > 0)
        {
            if (items.Count > 0)
            {
                BlankLine();
            }
            WriteComments(comments.EndOfFile, comments.EndOfFile.Count, 0);
        }
        return _output.Count == 0 ? "" : string.Join('\n', TrailingCommentAligner.Align(_output)) + "\n";
    }

    private void Write(FormattedLine line)
    {
        var leading = comments.LeadingOf(line);
        // First come the comments from the gap above the line, in source order; then
        // those moved out of the line's own code, which have no gap of their own to copy.
        var above = leading.Count(c => c.Span.End <= line.Anchor);
        if (line.BlankLineAbove && (above > 0 || !line.ClosesBlock))
        {
            BlankLine();
        }
        WriteComments(leading, above, line.CommentIndent);
        if (above > 0 && !line.ClosesBlock && source.FollowsBlankLine(line.Anchor))
        {
            BlankLine();
        }
        foreach (var moved in leading.Skip(above))
        {
            WriteLine(line.CommentIndent, CommentText.Normalize(moved.Text));
        }
        var trailing = comments.TrailingOf(line).Select(c => CommentText.Normalize(c.Text)).ToList();
        _output.Add(new OutputLine(Indented(line.Indent, line.Text), trailing.Count == 0 ? null : string.Join(' ', trailing)));
    }

    /// <summary>The first <paramref name="count"/> comments, with the blank lines the user left between them.</summary>
    private void WriteComments(IReadOnlyList<CommentTrivia> list, int count, int indent)
    {
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && source.FollowsBlankLine(list[i].Span.Start))
            {
                BlankLine();
            }
            WriteLine(indent, CommentText.Normalize(list[i].Text));
        }
    }

    private void WriteLine(int indent, string text) => _output.Add(new OutputLine(Indented(indent, text)));

    private static string Indented(int indent, string text) => new string(' ', indent) + text;

    private void BlankLine()
    {
        if (_output.Count > 0 && _output[^1] != OutputLine.Blank)
        {
            _output.Add(OutputLine.Blank);
        }
    }
}
