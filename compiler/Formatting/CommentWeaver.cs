using System.Collections.Immutable;
using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Formatting;

/// <summary>
/// Decides where each comment goes. Every code offset belongs to the output line
/// with the greatest anchor at or before it (the line that begins with that code or
/// the nearest one before it in source), so:
/// <list type="bullet">
/// <item>a comment after code on the same source line trails the line owning that code,
/// unless the code after the comment belongs to the same line (the comment was inside
/// an expression or a one-line construct): then it moves before that line;</item>
/// <item>any other comment goes before the line owning the next code;</item>
/// <item>with no code after it, it stays at the end of the file.</item>
/// </list>
/// The output puts every comment back where these rules find it again, which keeps
/// formatting idempotent.
/// </summary>
internal static class CommentWeaver
{
    public static CommentLayout Weave(IEnumerable<FormattedLine> lines, ImmutableArray<CommentTrivia> comments, SourceCursor source)
    {
        var anchors = lines.Select(l => l.Anchor).Order().ToArray();
        var layout = new CommentLayout();
        foreach (var comment in comments)
        {
            var previous = source.PreviousCode(comment.Span.Start);
            var next = source.NextCode(comment.Span.End);
            var afterCode = previous >= 0 && !source.HasNewline(previous + 1, comment.Span.Start);
            if (afterCode && (next < 0 || Owner(anchors, previous) != Owner(anchors, next)))
            {
                layout.AddTrailing(Owner(anchors, previous), comment);
            }
            else if (next >= 0)
            {
                layout.AddLeading(Owner(anchors, next), comment);
            }
            else
            {
                layout.EndOfFile.Add(comment);
            }
        }
        return layout;
    }

    private static int Owner(int[] anchors, int offset)
    {
        var index = Array.BinarySearch(anchors, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }
        return anchors[Math.Max(0, index)];
    }
}
