using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Binding;

/// <summary>The result type of each binary operator (LANGUAGE.md §4, §11).</summary>
internal static class BinaryTyping
{
    public enum Problem
    {
        None,
        Mismatch,
        NullOrdering,
    }

    /// <summary>The result type, or null when the operand types do not fit the operator.</summary>
    public static TrigType? ResultType(BinaryOperator op, TrigType left, TrigType right, out Problem problem)
    {
        problem = Problem.None;
        TrigType? result = op switch
        {
            BinaryOperator.And or BinaryOperator.Or =>
                left.Kind == TypeKind.Bool && right.Kind == TypeKind.Bool ? Optional(TrigType.Bool, left, right) : null,
            BinaryOperator.Equal or BinaryOperator.NotEqual =>
                TypeRules.AreEquatable(left, right) ? TrigType.Bool : null,
            BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual =>
                left.Kind == TypeKind.Null || right.Kind == TypeKind.Null ? NullOrdering(out problem)
                : TypeRules.AreOrdered(left, right) ? TrigType.Bool : null,
            BinaryOperator.In => In(left, right),
            _ => Arithmetic(op, left, right),
        };
        if (result is null && problem == Problem.None)
        {
            problem = Problem.Mismatch;
        }
        return result;
    }

    private static TrigType? NullOrdering(out Problem problem)
    {
        problem = Problem.NullOrdering;
        return null;
    }

    /// <summary><c>in</c> is substring on two strings and membership on a list.</summary>
    private static TrigType? In(TrigType item, TrigType container)
    {
        // Membership is for scalars: a list in a list of lists is not supported (and has no runtime operation).
        if (item.Kind == TypeKind.List)
        {
            return null;
        }
        if (TypeRules.IsStringLike(item) && container.Kind == TypeKind.String)
        {
            return TrigType.Bool;
        }
        if (container.Kind == TypeKind.List && (container.Element!.Kind == TypeKind.Null || TypeRules.AreEquatable(item, container.Element)))
        {
            return TrigType.Bool;
        }
        return null;
    }

    private static TrigType? Arithmetic(BinaryOperator op, TrigType left, TrigType right)
    {
        if (left.IsNumeric && right.IsNumeric)
        {
            var kind = TypeRules.PromoteNumeric(left, right);
            // int / int is exact decimal division (§11).
            if (op == BinaryOperator.Divide && kind == TypeKind.Int)
            {
                kind = TypeKind.Decimal;
            }
            return Optional(new TrigType(kind), left, right);
        }
        var kinds = (left.Kind, right.Kind);
        TypeKind? time = (op, kinds) switch
        {
            (BinaryOperator.Add or BinaryOperator.Subtract, (TypeKind.Timestamp, TypeKind.Duration)) => TypeKind.Timestamp,
            (BinaryOperator.Add, (TypeKind.Duration, TypeKind.Timestamp)) => TypeKind.Timestamp,
            (BinaryOperator.Subtract, (TypeKind.Timestamp, TypeKind.Timestamp)) => TypeKind.Duration,
            (BinaryOperator.Add or BinaryOperator.Subtract, (TypeKind.Duration, TypeKind.Duration)) => TypeKind.Duration,
            _ => null,
        };
        return time is { } k ? Optional(new TrigType(k), left, right) : null;
    }

    private static TrigType Optional(TrigType result, TrigType left, TrigType right) =>
        left.IsOptional || right.IsOptional ? result.AsOptional() : result;

    /// <summary>How to fix a mismatch, appended to its message: the commonest mistakes first, else what the operator accepts.</summary>
    public static string Hint(BinaryOperator op, BoundExpression left, BoundExpression right)
    {
        var (l, r) = (left.Type, right.Type);
        if (op == BinaryOperator.In)
        {
            return ": `in` tests text inside text, or an item in a list such as `user.country in [\"US\", \"CA\"]`";
        }
        if (l.IsNumeric && r.Kind == TypeKind.String || r.IsNumeric && l.Kind == TypeKind.String)
        {
            var text = l.Kind == TypeKind.String ? left : right;
            return text is BoundLiteral { Value: string quoted } && decimal.TryParse(quoted, System.Globalization.NumberStyles.Number,
                    System.Globalization.CultureInfo.InvariantCulture, out _)
                ? $": text and numbers never convert implicitly; write the number without quotes, `{quoted}`"
                : ": text and numbers never convert implicitly";
        }
        return op switch
        {
            BinaryOperator.And or BinaryOperator.Or => ": both sides must be conditions (true or false)",
            BinaryOperator.Equal or BinaryOperator.NotEqual =>
                ": compare values of the same kind (numbers mix, and a user compares with a string)",
            BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual =>
                ": both sides must be numbers, strings, timestamps or durations of the same kind",
            BinaryOperator.Add => ": `+` adds numbers, durations, or a duration to a timestamp (text cannot be joined with `+`)",
            BinaryOperator.Subtract => ": `-` subtracts numbers, durations, a duration from a timestamp, or two timestamps",
            _ => $": `{Operators.Text(op)}` works on numbers only",
        };
    }
}
