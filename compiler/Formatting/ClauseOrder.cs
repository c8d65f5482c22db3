using System.Collections.Immutable;
using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Formatting;

/// <summary>
/// The canonical order of a rule's clauses (LANGUAGE.md §3's example): the order
/// a reader asks the questions in — who and when, what stops it, how often,
/// then bookkeeping. Clauses may come in any order in source, so reordering never
/// changes a rule's meaning.
/// </summary>
internal static class ClauseOrder
{
    public static int Rank(RuleClauseSyntax clause) => clause switch
    {
        WhereClauseSyntax => 0,
        ToClauseSyntax => 1,
        DelayClauseSyntax => 2,
        DigestClauseSyntax => 3,
        UnlessClauseSyntax => 4,
        WindowClauseSyntax => 5,
        CapClauseSyntax => 6,
        ActiveClauseSyntax => 7,
        OnceClauseSyntax or ReeligibleClauseSyntax => 8,
        CategoryClauseSyntax => 9,
        PriorityClauseSyntax => 10,
        GoalClauseSyntax => 11,
        _ => throw new ArgumentOutOfRangeException(nameof(clause), clause.GetType().Name),
    };

    /// <summary>The clauses in canonical order; equal ranks keep their source order (several <c>unless</c>).</summary>
    public static ImmutableArray<RuleClauseSyntax> Arrange(IEnumerable<RuleClauseSyntax> clauses) => [.. clauses.OrderBy(Rank)];
}
