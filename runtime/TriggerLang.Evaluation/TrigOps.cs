using System.Globalization;
using System.Runtime.CompilerServices;

namespace TriggerLang.Evaluation;

/// <summary>
/// The value semantics of LANGUAGE.md §11, as called by generated rule code.
/// Every value is nullable: null is "absent". Arithmetic and functions on an
/// absent value give absent; any comparison with an absent value is false;
/// <c>and</c>/<c>or</c>/<c>not</c> follow three-valued logic (false and absent
/// is false, true or absent is true); a condition that is absent counts as
/// false. Numbers are decimals (int is a decimal without a fractional part);
/// text compares ordinally. Nothing here allocates.
/// </summary>
public static class TrigOps
{
    // ── Conditions ──────────────────────────────────────────────────────

    // Generated conditions call these rather than write `condition == true`: Roslyn binds a lifted `==` on `bool?`
    // through operator overload resolution, which made `trig build` of a 1,000-rule pack take about a third more CPU.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTrue(bool? condition) => condition == true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsFalse(bool? condition) => condition == false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool? And(bool? a, bool? b) => a == false || b == false ? false : a is null || b is null ? null : true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a is null || b is null ? null : false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool? Not(bool? a) => a is { } value ? !value : null;

    // ── Arithmetic ──────────────────────────────────────────────────────

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal? Add(decimal? a, decimal? b) =>
        a is { } x && b is { } y
            ? SmallDecimal.TryAdd(x, y, subtract: false, out var sum) ? sum : Wide(x, y, Arithmetic.Add)
            : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal? Subtract(decimal? a, decimal? b) =>
        a is { } x && b is { } y
            ? SmallDecimal.TryAdd(x, y, subtract: true, out var difference) ? difference : Wide(x, y, Arithmetic.Subtract)
            : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal? Multiply(decimal? a, decimal? b) =>
        a is { } x && b is { } y
            ? SmallDecimal.TryMultiply(x, y, out var product) ? product : Wide(x, y, Arithmetic.Multiply)
            : null;

    /// <summary>Exact decimal division; division by zero is absent.</summary>
    public static decimal? Divide(decimal? a, decimal? b) => a is { } x && b is { } y && !IsZero(y) ? Checked(x, y, Arithmetic.Divide) : null;

    /// <summary>The remainder keeps the sign of the left operand; modulo zero is absent, and so is a remainder that overflows (a huge left operand over a tiny right one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal? Modulo(decimal? a, decimal? b) =>
        a is { } x && b is { } y && !IsZero(y)
            ? SmallDecimal.TryRemainder(x, y, out var remainder) ? remainder : Wide(x, y, Arithmetic.Modulo)
            : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal? Negate(decimal? a) => -a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TimeSpan? Negate(TimeSpan? a) => a is { } x && x != TimeSpan.MinValue ? -x : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DateTimeOffset? Add(DateTimeOffset? a, TimeSpan? b) => a is { } t && b is { } d ? Shift(t, d.Ticks) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DateTimeOffset? Subtract(DateTimeOffset? a, TimeSpan? b) => a is { } t && b is { } d && d != TimeSpan.MinValue ? Shift(t, -d.Ticks) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TimeSpan? Subtract(DateTimeOffset? a, DateTimeOffset? b) => a is { } x && b is { } y ? x - y : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TimeSpan? Add(TimeSpan? a, TimeSpan? b) => a is { } x && b is { } y ? SpanOf((Int128)x.Ticks + y.Ticks) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TimeSpan? Subtract(TimeSpan? a, TimeSpan? b) => a is { } x && b is { } y ? SpanOf((Int128)x.Ticks - y.Ticks) : null;

    // ── Comparisons (absent on either side: false) ──────────────────────

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(decimal? a, decimal? b) => a is { } x && b is { } y && Order(x, y) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.Ordinal);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(bool? a, bool? b) => a is { } x && b is { } y && x == y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(DateTimeOffset? a, DateTimeOffset? b) => a is { } x && b is { } y && x == y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(TimeSpan? a, TimeSpan? b) => a is { } x && b is { } y && x == y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NotEqual(decimal? a, decimal? b) => a is { } x && b is { } y && Order(x, y) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NotEqual(string? a, string? b) => a is not null && b is not null && !string.Equals(a, b, StringComparison.Ordinal);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NotEqual(bool? a, bool? b) => a is { } x && b is { } y && x != y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NotEqual(DateTimeOffset? a, DateTimeOffset? b) => a is { } x && b is { } y && x != y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NotEqual(TimeSpan? a, TimeSpan? b) => a is { } x && b is { } y && x != y;

    /// <summary>-1, 0 or 1, or null when either side is absent: the generated code compares the result with 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int? Compare(decimal? a, decimal? b) => a is { } x && b is { } y ? Order(x, y) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Order(decimal x, decimal y) => SmallDecimal.TryCompare(x, y, out var order) ? order : WideOrder(x, y);

    // The general paths are calls, kept out of the inlined fast paths: inlined, decimal's own code made each compiled
    // condition several times larger, and the JIT spilled more of it to the stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int WideOrder(decimal x, decimal y) => x.CompareTo(y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int? Compare(string? a, string? b) => a is not null && b is not null ? Math.Sign(string.CompareOrdinal(a, b)) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int? Compare(DateTimeOffset? a, DateTimeOffset? b) => a is { } x && b is { } y ? x.CompareTo(y) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int? Compare(TimeSpan? a, TimeSpan? b) => a is { } x && b is { } y ? x.CompareTo(y) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Less(int? order) => order < 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessOrEqual(int? order) => order <= 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Greater(int? order) => order > 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterOrEqual(int? order) => order >= 0;

    /// <summary><c>in</c> on two strings: substring.</summary>
    public static bool In(string? item, string? text) => item is not null && text is not null && text.Contains(item, StringComparison.Ordinal);

    public static bool In(decimal? item, decimal?[]? list)
    {
        if (item is not { } x || list is null)
        {
            return false;
        }
        foreach (var element in list)
        {
            if (element == x)
            {
                return true;
            }
        }
        return false;
    }

    public static bool In(string? item, string?[]? list)
    {
        if (item is null || list is null)
        {
            return false;
        }
        foreach (var element in list)
        {
            if (element is not null && string.Equals(element, item, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    public static bool In(bool? item, bool?[]? list) => item is { } x && list is not null && Array.IndexOf(list, x) >= 0;

    public static bool In(DateTimeOffset? item, DateTimeOffset?[]? list)
    {
        if (item is not { } x || list is null)
        {
            return false;
        }
        foreach (var element in list)
        {
            if (element is { } e && e == x)
            {
                return true;
            }
        }
        return false;
    }

    public static bool In(TimeSpan? item, TimeSpan?[]? list) => item is { } x && list is not null && Array.IndexOf(list, x) >= 0;

    /// <summary>Two lists are equal when both are present, of one length, and equal element by element (absent elements never equal).</summary>
    public static bool Equal<T>(T[]? a, T[]? b, Func<T, T, bool> equal)
    {
        if (a is null || b is null || a.Length != b.Length)
        {
            return false;
        }
        for (var i = 0; i < a.Length; i++)
        {
            if (!equal(a[i], b[i]))
            {
                return false;
            }
        }
        return true;
    }

    public static bool NotEqual<T>(T[]? a, T[]? b, Func<T, T, bool> equal) => a is not null && b is not null && !Equal(a, b, equal);

    // ── Functions ───────────────────────────────────────────────────────

    public static string? Lower(string? text) => text?.ToLowerInvariant();

    public static string? Upper(string? text) => text?.ToUpperInvariant();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal? Len(string? text) => text?.Length;

    public static decimal? Len<T>(T[]? list) => list?.Length;

    public static bool? Contains(string? text, string? part) => text is null || part is null ? null : text.Contains(part, StringComparison.Ordinal);

    /// <summary><c>contains(list, item)</c>: absent when either is absent; absent elements never match.</summary>
    public static bool? ContainsItem<T>(T[]? list, T item)
    {
        if (list is null || item is null)
        {
            return null;
        }
        foreach (var element in list)
        {
            if (element is not null && EqualityComparer<T>.Default.Equals(element, item))
            {
                return true;
            }
        }
        return false;
    }

    public static bool? StartsWith(string? text, string? prefix) =>
        text is null || prefix is null ? null : text.StartsWith(prefix, StringComparison.Ordinal);

    public static bool? EndsWith(string? text, string? suffix) =>
        text is null || suffix is null ? null : text.EndsWith(suffix, StringComparison.Ordinal);

    // ── Tests on lower(x) / upper(x) without building the folded string ──
    // The generated code calls these for starts_with/ends_with/contains(lower(x), y) and lower(x) == y (and upper), so
    // that such a test allocates nothing. `upper` picks the case. When the part of the text compared is ASCII, it is
    // folded a char at a time as it is compared (invariant casing maps only A-Z and a-z there), with no buffer and no
    // call through a delegate. Otherwise the text is folded into a stack buffer with the same invariant mapping as
    // Lower/Upper (the span and string overloads share it; it keeps the length), then compared ordinally. Either way
    // the result is that of the unfused calls.

    public static bool? FoldedStartsWith(string? text, bool upper, string? prefix) =>
        text is null || prefix is null ? null
        : prefix.Length > text.Length ? false
        : AsciiFoldedEquals(text.AsSpan(0, prefix.Length), upper, prefix)
            ?? Folded(text, upper, prefix, static (t, p) => t.StartsWith(p, StringComparison.Ordinal));

    public static bool? FoldedEndsWith(string? text, bool upper, string? suffix) =>
        text is null || suffix is null ? null
        : suffix.Length > text.Length ? false
        : AsciiFoldedEquals(text.AsSpan(text.Length - suffix.Length), upper, suffix)
            ?? Folded(text, upper, suffix, static (t, p) => t.EndsWith(p, StringComparison.Ordinal));

    public static bool? FoldedContains(string? text, bool upper, string? part) =>
        text is null || part is null ? null : Folded(text, upper, part, static (t, p) => t.Contains(p, StringComparison.Ordinal));

    public static bool FoldedEqual(string? text, bool upper, string? other) =>
        text is not null && other is not null && FoldedEquals(text, upper, other);

    public static bool FoldedNotEqual(string? text, bool upper, string? other) =>
        text is not null && other is not null && !FoldedEquals(text, upper, other);

    private static bool FoldedEquals(string text, bool upper, string other) =>
        text.Length == other.Length
        && (AsciiFoldedEquals(text, upper, other) ?? Folded(text, upper, other, static (t, o) => t.SequenceEqual(o)));

    /// <summary>
    /// Whether <paramref name="text"/>, folded, equals <paramref name="other"/> (of the same length), decided as it is
    /// read while its chars are ASCII; null at the first char that is not, for the caller to fold the whole text. A
    /// difference found before that char is final: an ASCII char folds alike wherever it stands.
    /// </summary>
    private static bool? AsciiFoldedEquals(ReadOnlySpan<char> text, bool upper, string other)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsAscii(c))
            {
                return null;
            }
            var folded = upper ? (char.IsAsciiLetterLower(c) ? (char)(c - 32) : c) : (char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c);
            if (folded != other[i])
            {
                return false;
            }
        }
        return true;
    }

    private const int MaxStackFold = 256;

    private delegate bool FoldedTest(ReadOnlySpan<char> folded, string other);

    private static bool Folded(string text, bool upper, string other, FoldedTest test)
    {
        if (text.Length > MaxStackFold)
        {
            return test(upper ? text.ToUpperInvariant() : text.ToLowerInvariant(), other);
        }
        Span<char> buffer = stackalloc char[text.Length];
        _ = upper ? text.AsSpan().ToUpperInvariant(buffer) : text.AsSpan().ToLowerInvariant(buffer);
        return test(buffer, other);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal? Abs(decimal? a) => a is { } x ? Math.Abs(x) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TimeSpan? Abs(TimeSpan? a) => a is { } x && x != TimeSpan.MinValue ? x.Duration() : null;

    /// <summary>Rounds half away from zero to <paramref name="digits"/> places (0 to 28; otherwise absent).</summary>
    public static decimal? Round(decimal? a, decimal? digits) =>
        a is { } x && digits is { } d && d == decimal.Truncate(d) && d is >= 0 and <= 28
            ? RoundAway(x, (int)d)
            : null;

    /// <summary><c>round(a, n)</c> with <c>n</c> a whole number from 0 to 28 written in the rule: the compiler has checked the digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal? RoundTo(decimal? a, int digits) => a is { } x ? RoundAway(x, digits) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static decimal RoundAway(decimal x, int digits) =>
        SmallDecimal.TryRoundAway(x, digits, out var rounded) ? rounded : WideRoundAway(x, digits);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static decimal WideRoundAway(decimal x, int digits) => Math.Round(x, digits, MidpointRounding.AwayFromZero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal? Min(decimal? a, decimal? b) => a is { } x && b is { } y ? Math.Min(x, y) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal? Max(decimal? a, decimal? b) => a is { } x && b is { } y ? Math.Max(x, y) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is { } x && b is { } y ? (x <= y ? x : y) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is { } x && b is { } y ? (x >= y ? x : y) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TimeSpan? Min(TimeSpan? a, TimeSpan? b) => a is { } x && b is { } y ? (x <= y ? x : y) : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is { } x && b is { } y ? (x >= y ? x : y) : null;

    /// <summary>The whole number of 24-hour periods from <paramref name="time"/> to <paramref name="now"/> (negative for a future time).</summary>
    public static decimal? DaysSince(DateTimeOffset? time, DateTimeOffset now) =>
        time is { } t ? (now - t).Ticks / TimeSpan.TicksPerDay : null;

    // ── Durations ───────────────────────────────────────────────────────

    /// <summary>Parses <c>45s 30m 2h 1d 1w 1h30m</c>; null when invalid.</summary>
    public static TimeSpan? ParseDuration(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        long total = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
            if (i == start || i >= text.Length
                || !long.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return null;
            }
            long unit = text[i] switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, 'w' => 604800, _ => 0 };
            if (unit == 0 || amount > long.MaxValue / unit / 2 || total > long.MaxValue / 2)
            {
                return null;
            }
            total += amount * unit;
            i++;
        }
        return total > (long)TimeSpan.MaxValue.TotalSeconds ? null : TimeSpan.FromSeconds(total);
    }

    // ── Overflow is absent, never an exception ──────────────────────────

    private enum Arithmetic
    {
        Add,
        Subtract,
        Multiply,
        Divide,
        Modulo,
    }

    // Three ways, cheapest first. Small operands (SmallDecimal) are plain integer arithmetic, inlined. Otherwise (Wide, a
    // call) an operation that cannot overflow is decimal's own, and only the rest takes the guarded path, which has a
    // try block; that guarded call was once most of the cost of arithmetic in compiled rules. Whether an operation can
    // overflow is read from the significands: decimal overflows only when a result's magnitude passes decimal.MaxValue
    // (2^96 - 1; a result with too many digits is rounded, never refused), and a remainder of operands of one scale is
    // a remainder of their significands, which is never larger than they are.

    /// <summary>Both significands are under 2^64, so a sum or difference is under 2^65.</summary>
    private static bool SumFits(decimal x, decimal y) => (SmallDecimal.Of(x).High | SmallDecimal.Of(y).High) == 0;

    /// <summary>Zero of any scale or sign, told from the significand: decimal's own test compares through a call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsZero(decimal x) => (SmallDecimal.Of(x).High | SmallDecimal.Of(x).Low) == 0;

    /// <summary>One significand is under 2^64 and the other under 2^32, so the product is under 2^96.</summary>
    private static bool ProductFits(decimal x, decimal y)
    {
        var a = SmallDecimal.Of(x);
        var b = SmallDecimal.Of(y);
        return (a.High | b.High) == 0 && (a.Low <= uint.MaxValue || b.Low <= uint.MaxValue);
    }

    /// <summary>An operation on operands too wide for <see cref="SmallDecimal"/>: decimal's own when it cannot overflow, else guarded.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static decimal? Wide(decimal x, decimal y, Arithmetic op) => op switch
    {
        Arithmetic.Add when SumFits(x, y) => x + y,
        Arithmetic.Subtract when SumFits(x, y) => x - y,
        Arithmetic.Multiply when ProductFits(x, y) => x * y,
        Arithmetic.Modulo when x.Scale == y.Scale => x % y,
        _ => Checked(x, y, op),
    };

    /// <summary>One operation, with overflow as absent; a switch rather than a delegate keeps the hot path free of indirect calls.</summary>
    private static decimal? Checked(decimal x, decimal y, Arithmetic op)
    {
        try
        {
            return op switch
            {
                Arithmetic.Add => x + y,
                Arithmetic.Subtract => x - y,
                Arithmetic.Multiply => x * y,
                Arithmetic.Divide => x / y,
                _ => x % y,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>A time moved by some ticks, or absent when it leaves the representable range.</summary>
    private static DateTimeOffset? Shift(DateTimeOffset time, long ticks)
    {
        var target = (Int128)time.UtcTicks + ticks;
        return target < DateTimeOffset.MinValue.UtcTicks || target > DateTimeOffset.MaxValue.UtcTicks
            ? null
            : new DateTimeOffset((long)target, TimeSpan.Zero);
    }

    private static TimeSpan? SpanOf(Int128 ticks) =>
        ticks < TimeSpan.MinValue.Ticks || ticks > TimeSpan.MaxValue.Ticks ? null : new TimeSpan((long)ticks);
}
