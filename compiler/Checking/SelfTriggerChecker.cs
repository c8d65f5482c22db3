using TriggerLang.Compiler.Binding;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Checking;

/// <summary>
/// A rule never triggers on its own <c>message_sent</c> (LANGUAGE.md §11), so a
/// rule on <c>message_sent</c> whose <c>where</c> requires <c>rule == "its own name"</c>
/// can never send. That is almost always a copy-paste slip of the rule's name.
/// </summary>
internal static class SelfTriggerChecker
{
    public static void Check(SourceFile file, string ruleName, EventSymbol? trigger, BoundExpression? where, List<Diagnostic> diagnostics)
    {
        if (trigger is not { IsBuiltIn: true, Name: BuiltInEvents.MessageSent } || where is null)
        {
            return;
        }
        foreach (var condition in Conditions.Conjuncts(where))
        {
            if (Conditions.RequiredTriggerText(condition, "rule") == ruleName)
            {
                diagnostics.Add(DiagnosticBuilder.At(file, condition.Syntax.Span).SelfTriggeringRule(ruleName));
            }
        }
    }
}
