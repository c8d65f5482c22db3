using TriggerLang.Compiler.Binding;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Emit;

/// <summary>
/// A rough cost of evaluating an expression, in units of one field read and comparison, for ordering the operands
/// of <c>and</c>/<c>or</c> so that the cheaper one is tested first (<see cref="ExpressionEmitter.Condition"/>).
/// The weights follow what the operations cost at run time: <c>decimal</c> multiplication, division, remainder and
/// rounding are tens of nanoseconds, case folding allocates, a text search scans, reading a field is nearly free.
/// Only the order of tests changes, never a result: every expression is pure and total.
/// </summary>
internal static class ConditionCost
{
    /// <summary>What a test as cheap as comparing a field with a literal, or with a short list, costs at most.</summary>
    public const int Comparison = 3;

    public static int Of(BoundExpression expression) => expression switch
    {
        BoundLiteral or BoundFieldAccess or BoundRecipient or BoundError => 0,
        BoundUnary unary => Of(unary.Operand) + (unary.Operator == UnaryOperator.Not ? 0 : 1),
        BoundBinary binary => Of(binary.Left) + Of(binary.Right) + Operator(binary),
        BoundCall call => call.Arguments.Sum(Of) + Function(call.Function.Name),
        BoundList list => list.Elements.Sum(Of) + (list.Elements.All(e => e is BoundLiteral) ? 0 : list.Elements.Length),
        _ => 1,
    };

    private static int Operator(BoundBinary binary) => binary.Operator switch
    {
        BinaryOperator.And or BinaryOperator.Or => 0,
        BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo => 6,
        BinaryOperator.Add or BinaryOperator.Subtract => 3,
        // A test of membership compares with each element of the list (a literal list is a static array).
        BinaryOperator.In => 1 + (binary.Right is BoundList list ? list.Elements.Length : 4),
        _ when binary.Left.Type.Kind is TypeKind.List || binary.Right.Type.Kind is TypeKind.List => 4,
        _ => 1,
    };

    private static int Function(string name) => name switch
    {
        "round" => 6,
        "lower" or "upper" => 5,
        "contains" or "starts_with" or "ends_with" => 3,
        "days_since" or "min" or "max" or "abs" => 2,
        _ => 1,
    };
}
