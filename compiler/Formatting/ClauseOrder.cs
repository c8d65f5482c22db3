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

    /// <summary>
    /// The clauses in canonical order; equal ranks keep their source order (several
    /// <c>unless</c>). One exception: the grammar reads <c>once</c> right after a
    /// window with no day list as a weekday (<c>window 09:00-21:00 once</c>), so a
    /// <c>once</c> that would land there goes just before the window instead.
    /// </summary>
    public static ImmutableArray<RuleClauseSyntax> Arrange(IEnumerable<RuleClauseSyntax> clauses)
    {
        var ordered = clauses.OrderBy(Rank).ToList();
        bool moved;
        do
        {
            moved = false;
            for (var i = 0; i + 1 < ordered.Count; i++)
            {
                if (ordered[i] is WindowClauseSyntax { Days.IsEmpty: true } && ordered[i + 1] is OnceClauseSyntax)
                {
                    (ordered[i], ordered[i + 1]) = (ordered[i + 1], ordered[i]);
                    moved = true;
                }
            }
        }
        while (moved);
        return [.. ordered];
    }
}
