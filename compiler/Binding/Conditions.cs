using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Binding;

/// <summary>What a condition's shape says of every value it accepts, without evaluating it.</summary>
public static class Conditions
{
    /// <summary>The parts of a condition that must all hold: the operands of <c>and</c>, recursively, left to right.</summary>
    public static IEnumerable<BoundExpression> Conjuncts(BoundExpression condition)
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

    /// <summary>
    /// The text that <paramref name="conjunct"/> requires the trigger's field <paramref name="field"/> to equal, when it is
    /// <c>field == "text"</c> either way round; otherwise null. Equality is false for an absent field, so a condition with
    /// such a conjunct accepts no trigger whose field is anything else.
    /// </summary>
    public static string? RequiredTriggerText(BoundExpression conjunct, string field) =>
        conjunct is BoundBinary { Operator: BinaryOperator.Equal } equal
            ? TextOf(equal.Left, equal.Right, field) ?? TextOf(equal.Right, equal.Left, field)
            : null;

    private static string? TextOf(BoundExpression read, BoundExpression value, string field) =>
        read is BoundFieldAccess { Root: RecordRoot.Trigger } access && access.Field.Name == field && value is BoundLiteral { Value: string text }
            ? text
            : null;
}
