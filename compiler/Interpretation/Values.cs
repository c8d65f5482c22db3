using System.Collections;

namespace TriggerLang.Compiler.Interpretation;

/// <summary>
/// Equality and order of interpreted values (LANGUAGE.md §11), written apart
/// from <c>TrigOps</c> on purpose: the interpreter is the reference that the
/// compiled code is tested against, so it must not share its code. Values are
/// boxed: decimal (int and money too), string (user ids too), bool,
/// DateTimeOffset, TimeSpan, object?[] for lists; null is absent.
/// </summary>
public static class Values
{
    /// <summary>Whether two present values are equal; an absent value (or list element) equals nothing.</summary>
    public static bool AreEqual(object? a, object? b) => (a, b) switch
    {
        (null, _) or (_, null) => false,
        (decimal x, decimal y) => x == y,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (bool x, bool y) => x == y,
        (DateTimeOffset x, DateTimeOffset y) => x.UtcTicks == y.UtcTicks,
        (TimeSpan x, TimeSpan y) => x.Ticks == y.Ticks,
        (object?[] x, object?[] y) => x.Length == y.Length && x.Zip(y).All(p => AreEqual(p.First, p.Second)),
        _ => throw new InvalidOperationException($"cannot compare {a.GetType().Name} with {b.GetType().Name}"),
    };

    /// <summary>The order of two present values of one ordered kind: numbers, text (ordinal, by UTF-16 code unit), timestamps, durations.</summary>
    public static int Order(object a, object b) => (a, b) switch
    {
        (decimal x, decimal y) => x.CompareTo(y),
        (string x, string y) => string.CompareOrdinal(x, y),
        (DateTimeOffset x, DateTimeOffset y) => x.UtcTicks.CompareTo(y.UtcTicks),
        (TimeSpan x, TimeSpan y) => x.Ticks.CompareTo(y.Ticks),
        _ => throw new InvalidOperationException($"cannot order {a.GetType().Name} and {b.GetType().Name}"),
    };

    /// <summary>A value read from a record, with typed arrays turned into object?[] lists.</summary>
    public static object? FromRecord(object? value) => value switch
    {
        null or string or object?[] => value,
        IEnumerable list => list.Cast<object?>().ToArray(),
        _ => value,
    };

    /// <summary>A value as a reader would write it, for failure messages.</summary>
    public static string Show(object? value) => value switch
    {
        null => "absent",
        string text => "\"" + text + "\"",
        decimal number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", System.Globalization.CultureInfo.InvariantCulture),
        TimeSpan span => span.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        object?[] list => "[" + string.Join(", ", list.Select(Show)) + "]",
        _ => value.ToString() ?? "",
    };
}
