namespace TriggerLang.Compiler.Formatting;

/// <summary>
/// Lines the trailing comments of consecutive lines up in one column, one space after
/// the longest code, as gofmt does: a column of comments reads as one note per line,
/// and it is how the language's docs and examples are written. A run ends at any line
/// without a trailing comment (a blank line, a comment on its own line, code without
/// one), so a long line only pushes the comments of its own run; a block comment
/// spanning lines ends the run as well, since its later lines keep their own indent.
/// </summary>
internal static class TrailingCommentAligner
{
    public static IEnumerable<string> Align(IReadOnlyList<OutputLine> lines)
    {
        var i = 0;
        while (i < lines.Count)
        {
            var end = i;
            while (end < lines.Count && Alignable(lines[end]))
            {
                end++;
            }
            if (end == i)
            {
                var line = lines[i++];
                yield return line.Trailing is null ? line.Code : line.Code + " " + line.Trailing;
                continue;
            }
            var column = lines.Skip(i).Take(end - i).Max(l => l.Code.Length) + 1;
            for (; i < end; i++)
            {
                yield return lines[i].Code.PadRight(column) + lines[i].Trailing;
            }
        }
    }

    private static bool Alignable(OutputLine line) => line.Trailing is { } comment && !comment.Contains('\n', StringComparison.Ordinal);
}
