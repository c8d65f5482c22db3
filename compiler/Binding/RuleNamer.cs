using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Binding;

/// <summary>
/// Names anonymous rules (LANGUAGE.md §3): the file's stem when the rule is
/// the file's only rule, else <c>stem_1</c>, <c>stem_2</c>… in source order,
/// with a warning, since caps and history hang on the name.
/// </summary>
internal static class RuleNamer
{
    public static IEnumerable<(RuleDeclarationSyntax Rule, string Name, bool IsAnonymous)> Name(
        SourceFile file, IReadOnlyList<RuleDeclarationSyntax> rules, List<Diagnostic> diagnostics)
    {
        var anonymousIndex = 0;
        foreach (var rule in rules)
        {
            if (rule.Name is { } name)
            {
                yield return (rule, name.Name, false);
                continue;
            }
            if (rules.Count == 1)
            {
                yield return (rule, file.Stem, true);
                continue;
            }
            var assigned = $"{file.Stem}_{++anonymousIndex}";
            diagnostics.Add(DiagnosticBuilder.At(file, rule.On.Span).AnonymousRuleNeedsName(assigned));
            yield return (rule, assigned, true);
        }
    }
}
