using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Formatting;

/// <summary>
/// Which lines of a rule keep a blank line above them. The user groups a rule's
/// clauses with blank lines (the trigger and its filter, the timing, the limits, the
/// message); the formatter reorders clauses, so a break is kept where it still
/// splits the same groups: where the lines above it in the output are the lines
/// above it in the source, in whatever order. The clauses of a group may then be
/// reordered among themselves, and a break that reordering would cut through a
/// group is dropped. <c>on</c> is first and <c>send</c> last in both, so a break
/// right after <c>on</c> or right before <c>send</c> is always kept, except after the
/// <c>on</c> of an anonymous rule: that is the rule's header, at column 0, and a blank
/// line under it would detach it from its clauses.
/// </summary>
internal static class RuleParagraphs
{
    /// <summary>For each line of <c>on</c>, <paramref name="arranged"/> and the first <c>send</c>, in output order: whether a blank line goes above it.</summary>
    public static bool[] BlankLinesAbove(RuleDeclarationSyntax rule, IReadOnlyList<RuleClauseSyntax> arranged, SendClauseSyntax send, SourceCursor source)
    {
        SyntaxNode[] inSource = [rule.On, .. rule.Clauses, send];
        SyntaxNode[] inOutput = [rule.On, .. arranged, send];
        // Syntax nodes are records: two `unless churned` are equal, so look nodes up by reference.
        var sourceIndex = new Dictionary<SyntaxNode, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < inSource.Length; i++)
        {
            sourceIndex[inSource[i]] = i;
        }
        var firstBreak = rule.Name is null ? 2 : 1;
        var blankAbove = new bool[inOutput.Length];
        var lastAbove = -1;
        for (var i = 0; i < inOutput.Length; i++)
        {
            // The first i output lines are the first i source lines exactly when the latest of them in source is line i - 1.
            blankAbove[i] = i >= firstBreak && lastAbove == i - 1 && source.StartsParagraph(inSource[i].Span.Start);
            lastAbove = Math.Max(lastAbove, sourceIndex[inOutput[i]]);
        }
        return blankAbove;
    }
}
