using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Interpretation;

/// <summary>
/// The operators of LANGUAGE.md §4 on interpreted values, as §11 states them:
/// absent in, absent out for arithmetic; comparisons with absent are false;
/// <c>and</c>/<c>or</c>/<c>not</c> are three-valued; overflow and division
/// by zero are absent, never an exception.
/// </summary>
internal static class Operators
{
    public static object? Unary(UnaryOperator op, object? operand) => (op, operand) switch
    {
        (_, null) => null,
        (UnaryOperator.Not, bool b) => !b,
        (_, decimal d) => -d,
        (_, TimeSpan t) => Guard(() => t.Negate()),
        _ => throw new InvalidOperationException($"no unary {op} on {operand.GetType().Name}"),
    };

    public static object? Binary(BinaryOperator op, object? left, object? right) => op switch
    {
        BinaryOperator.And => And(left, right),
        BinaryOperator.Or => Or(left, right),
        BinaryOperator.Equal => left is not null && right is not null && Values.AreEqual(left, right),
        BinaryOperator.NotEqual => left is not null && right is not null && !Values.AreEqual(left, right),
        BinaryOperator.Less => left is not null && right is not null && Values.Order(left, right) < 0,
        BinaryOperator.LessOrEqual => left is not null && right is not null && Values.Order(left, right) <= 0,
        BinaryOperator.Greater => left is not null && right is not null && Values.Order(left, right) > 0,
        BinaryOperator.GreaterOrEqual => left is not null && right is not null && Values.Order(left, right) >= 0,
        BinaryOperator.In => In(left, right),
        _ => left is null || right is null ? null : Arithmetic(op, left, right),
    };

    /// <summary>false and anything is false; otherwise absent if either side is; else true.</summary>
    private static object? And(object? a, object? b) =>
        a is false || b is false ? false : a is null || b is null ? null : true;

    /// <summary>true or anything is true; otherwise absent if either side is; else false.</summary>
    private static object? Or(object? a, object? b) =>
        a is true || b is true ? true : a is null || b is null ? null : false;

    /// <summary>Substring on two strings, membership in a list; false when either side is absent.</summary>
    private static bool In(object? item, object? container) => (item, container) switch
    {
        (null, _) or (_, null) => false,
        (string part, string text) => text.Contains(part, StringComparison.Ordinal),
        (_, object?[] list) => list.Any(element => Values.AreEqual(item, element)),
        _ => throw new InvalidOperationException($"no `in` of {item.GetType().Name} in {container.GetType().Name}"),
    };

    private static object? Arithmetic(BinaryOperator op, object left, object right) => (op, left, right) switch
    {
        (BinaryOperator.Add, decimal x, decimal y) => Guard(() => x + y),
        (BinaryOperator.Subtract, decimal x, decimal y) => Guard(() => x - y),
        (BinaryOperator.Multiply, decimal x, decimal y) => Guard(() => x * y),
        // int / int is exact decimal division (§11): decimals divide as decimals, ints included.
        (BinaryOperator.Divide, decimal x, decimal y) => y == 0 ? null : Guard(() => x / y),
        // C#'s decimal remainder already keeps the sign of the left operand, as §11 asks.
        (BinaryOperator.Modulo, decimal x, decimal y) => y == 0 ? null : Guard(() => x % y),
        (BinaryOperator.Add, DateTimeOffset t, TimeSpan d) => Guard(() => t.Add(d).ToUniversalTime()),
        (BinaryOperator.Add, TimeSpan d, DateTimeOffset t) => Guard(() => t.Add(d).ToUniversalTime()),
        (BinaryOperator.Subtract, DateTimeOffset t, TimeSpan d) => Guard(() => t.Subtract(d).ToUniversalTime()),
        (BinaryOperator.Subtract, DateTimeOffset a, DateTimeOffset b) => Guard(() => a - b),
        (BinaryOperator.Add, TimeSpan a, TimeSpan b) => Guard(() => a + b),
        (BinaryOperator.Subtract, TimeSpan a, TimeSpan b) => Guard(() => a - b),
        _ => throw new InvalidOperationException($"no {op} of {left.GetType().Name} and {right.GetType().Name}"),
    };

    /// <summary>A result that leaves the range of its type is absent (§11: decimal overflow; the same for times and durations).</summary>
    public static object? Guard<T>(Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
