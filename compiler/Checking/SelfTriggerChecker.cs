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
        foreach (var condition in Conjuncts(where))
        {
            if (condition is BoundBinary { Operator: BinaryOperator.Equal } equal
                && (NamesRule(equal.Left, equal.Right, ruleName) || NamesRule(equal.Right, equal.Left, ruleName)))
            {
                diagnostics.Add(DiagnosticBuilder.At(file, condition.Syntax.Span).SelfTriggeringRule(ruleName));
            }
        }
    }

    /// <summary>The parts of a condition that must all hold: the operands of <c>and</c>, recursively.</summary>
    private static IEnumerable<BoundExpression> Conjuncts(BoundExpression condition)
    {
        var pending = new Stack<BoundExpression>();
        pending.Push(condition);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (next is BoundBinary { Operator: BinaryOperator.And } and)
            {
                pending.Push(and.Right);
                pending.Push(and.Left);
            }
            else
            {
                yield return next;
            }
        }
    }

    private static bool NamesRule(BoundExpression field, BoundExpression value, string ruleName) =>
        field is BoundFieldAccess { Root: RecordRoot.Trigger, Field.Name: "rule" } && value is BoundLiteral { Value: string name } && name == ruleName;
}
