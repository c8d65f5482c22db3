using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Checking;

/// <summary>
/// Checks how a rule's clauses combine (LANGUAGE.md §3, §11): each at most
/// once except <c>unless</c>; the rule's <c>where</c> before any <c>unless</c>;
/// a digest excludes <c>delay</c> and <c>unless</c>; <c>once</c> excludes
/// <c>reeligible after</c>.
/// </summary>
internal static class ClauseStructureChecker
{
    public static void Check(SourceFile file, RuleDeclarationSyntax rule, List<Diagnostic> diagnostics)
    {
        var seen = new HashSet<Type>();
        var sawUnless = false;
        foreach (var clause in rule.Clauses)
        {
            var at = DiagnosticBuilder.At(file, clause.KeywordSpan);
            if (clause is UnlessClauseSyntax)
            {
                sawUnless = true;
            }
            else if (!seen.Add(clause.GetType()))
            {
                diagnostics.Add(at.DuplicateClause(clause.Keyword));
                continue;
            }
            if (clause is WhereClauseSyntax && sawUnless)
            {
                diagnostics.Add(at.WhereAfterUnless());
            }
        }

        if (rule.Clause<DigestClauseSyntax>() is not null)
        {
            foreach (var clause in rule.Clauses.Where(c => c is DelayClauseSyntax or UnlessClauseSyntax))
            {
                diagnostics.Add(DiagnosticBuilder.At(file, clause.KeywordSpan).DigestConflict(clause.Keyword));
            }
        }

        if (rule.Clause<OnceClauseSyntax>() is { } once && rule.Clause<ReeligibleClauseSyntax>() is not null)
        {
            diagnostics.Add(DiagnosticBuilder.At(file, once.KeywordSpan).OnceWithReeligible());
        }
    }
}
