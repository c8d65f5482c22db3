using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Formatting;

/// <summary>Where each comment goes: before a line, at the end of a line, or at the end of the file. Lines are keyed by anchor.</summary>
internal sealed class CommentLayout
{
    private readonly Dictionary<int, List<CommentTrivia>> _leading = [];
    private readonly Dictionary<int, List<CommentTrivia>> _trailing = [];

    public List<CommentTrivia> EndOfFile { get; } = [];

    public IReadOnlyList<CommentTrivia> LeadingOf(FormattedLine line) => _leading.GetValueOrDefault(line.Anchor) ?? [];

    public IReadOnlyList<CommentTrivia> TrailingOf(FormattedLine line) => _trailing.GetValueOrDefault(line.Anchor) ?? [];

    public void AddLeading(int anchor, CommentTrivia comment) => Add(_leading, anchor, comment);

    public void AddTrailing(int anchor, CommentTrivia comment) => Add(_trailing, anchor, comment);

    private static void Add(Dictionary<int, List<CommentTrivia>> map, int anchor, CommentTrivia comment)
    {
        if (!map.TryGetValue(anchor, out var list))
        {
            map[anchor] = list = [];
        }
        list.Add(comment);
    }
}
