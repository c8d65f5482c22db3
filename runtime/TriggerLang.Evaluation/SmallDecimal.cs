using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TriggerLang.Evaluation;

/// <summary>
/// Decimal arithmetic on the values rules meet most (money and counts: significands under 2^64, scales a few
/// digits apart) as plain integer arithmetic, giving bit for bit what <c>decimal</c>'s own operators give: the same
/// significand, scale and sign, zero's sign included. Each method answers false for anything else, and the caller
/// falls back to <c>decimal</c>. Why: <c>decimal</c>'s operators are general routines behind a call, and in a rule
/// doing a little arithmetic they were most of its time (bench/README.md, Back end). Property tests hold every path
/// to <c>decimal</c> (<c>ArithmeticFastPathTests</c>).
/// </summary>
internal static class SmallDecimal
{
    /// <summary>
    /// A decimal's sign, scale and 96-bit significand, the value reinterpreted (<see cref="Of"/>) rather than copied
    /// out by <see cref="decimal.GetBits(decimal, Span{int})"/>, a call the JIT would not inline into rule packs (they
    /// load into a collectible context, compiled once without profile data). By value, not through a reference: a
    /// reference kept the decimal in memory, and reading it back stalled. The layout is that of Win32's DECIMAL, which
    /// decimal keeps for interop and documents as fixed; a test compares it with GetBits.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal readonly struct Bits
    {
        public readonly int Flags;
        public readonly uint High;
        public readonly ulong Low;

        public bool Negative => Flags < 0;

        public int Scale => (byte)(Flags >> 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Bits Of(decimal value) => Unsafe.BitCast<decimal, Bits>(value);

    /// <summary>The scales two operands of a sum may be apart: aligned, a significand under 2^64 stays under 2^94.</summary>
    private const int MaxScaleGap = 9;

    /// <summary>10^0 to 10^19, every power of ten under 2^64.</summary>
    private static ReadOnlySpan<ulong> PowersOfTen =>
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ];

    /// <summary>
    /// <c>x + y</c>, or <c>x - y</c> when <paramref name="subtract"/>: the significands aligned to the larger scale and
    /// added as signed magnitudes (each under 2^94, so the result is under 2^95 and exact, as decimal's is). A zero
    /// difference takes the sign of the operand of the larger scale (the left one when they are equal), as decimal's
    /// does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryAdd(decimal x, decimal y, bool subtract, out decimal result)
    {
        if (!TryAlign(x, y, out var leftHigh, out var leftLow, out var rightHigh, out var rightLow))
        {
            result = default;
            return false;
        }
        var a = Of(x);
        var b = Of(y);
        var leftNegative = a.Negative;
        var rightNegative = b.Negative != subtract;
        ulong high, low;
        bool negative;
        if (leftNegative == rightNegative)
        {
            low = leftLow + rightLow;
            high = leftHigh + rightHigh + (low < leftLow ? 1UL : 0UL);
            negative = leftNegative;
        }
        else
        {
            var order = Order(leftHigh, leftLow, rightHigh, rightLow);
            (high, low) = order >= 0 ? Difference(leftHigh, leftLow, rightHigh, rightLow) : Difference(rightHigh, rightLow, leftHigh, leftLow);
            negative = order > 0 ? leftNegative : order < 0 ? rightNegative : b.Scale > a.Scale ? rightNegative : leftNegative;
        }
        result = Make(high, low, negative, Math.Max(a.Scale, b.Scale));
        return true;
    }

    /// <summary>
    /// <c>x.CompareTo(y)</c> (-1, 0 or 1) for operands a few scales apart: their aligned magnitudes compared, with
    /// zero equal to zero whatever its sign or scale.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryCompare(decimal x, decimal y, out int order)
    {
        if (!TryAlign(x, y, out var leftHigh, out var leftLow, out var rightHigh, out var rightLow))
        {
            order = 0;
            return false;
        }
        var a = Of(x);
        var b = Of(y);
        order = (leftHigh | leftLow | rightHigh | rightLow) == 0 ? 0
            : a.Negative != b.Negative ? (a.Negative ? -1 : 1)
            : a.Negative ? Order(rightHigh, rightLow, leftHigh, leftLow)
            : Order(leftHigh, leftLow, rightHigh, rightLow);
        return true;
    }

    /// <summary><c>x * y</c> when the product's significand is under 2^96 and its scale (the sum) at most 28: then decimal's product is exact too, signed by the operands' signs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryMultiply(decimal x, decimal y, out decimal result)
    {
        var a = Of(x);
        var b = Of(y);
        var scale = a.Scale + b.Scale;
        if ((a.High | b.High) != 0 || scale > 28)
        {
            result = default;
            return false;
        }
        var high = Math.BigMul(a.Low, b.Low, out var low);
        // decimal gives some zero products as a plain 0 (no scale, no sign) and others with both; they are rare, so
        // they are left to it rather than its rule copied here.
        if ((high | low) == 0 || high > uint.MaxValue)
        {
            result = default;
            return false;
        }
        result = Make(high, low, a.Negative != b.Negative, scale);
        return true;
    }

    /// <summary><c>x % y</c> for operands of one scale: the significands' remainder, the shared scale, the left operand's sign (a zero keeps it, as decimal's does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRemainder(decimal x, decimal y, out decimal result)
    {
        var a = Of(x);
        var b = Of(y);
        if ((a.High | b.High) != 0 || a.Scale != b.Scale)
        {
            result = default;
            return false;
        }
        result = Make(0, a.Low % b.Low, a.Negative, a.Scale);
        return true;
    }

    /// <summary>
    /// <c>Math.Round(x, digits, MidpointRounding.AwayFromZero)</c>: a value with no more than that many places is
    /// returned as it is, as decimal returns it; otherwise the significand is divided by a power of ten under 2^64
    /// and rounded up when the remainder is at least half of it. The sign stays, on a zero too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRoundAway(decimal x, int digits, out decimal result)
    {
        var a = Of(x);
        var drop = a.Scale - digits;
        if (drop <= 0)
        {
            result = x;
            return true;
        }
        if (a.High != 0 || drop >= PowersOfTen.Length)
        {
            result = default;
            return false;
        }
        var power = PowersOfTen[drop];
        // The usual drops divide by a constant, which the JIT turns into a multiplication; a division is far slower.
        var quotient = drop switch
        {
            1 => a.Low / 10,
            2 => a.Low / 100,
            3 => a.Low / 1_000,
            _ => a.Low / power,
        };
        var remainder = a.Low - quotient * power;
        // A power of ten is even, so half of it is exact; the quotient is under 2^64 / 10, so it cannot wrap.
        result = Make(0, remainder >= power / 2 ? quotient + 1 : quotient, a.Negative, digits);
        return true;
    }

    // Magnitudes of up to 96 bits are pairs of words (high, low): plain ulong arithmetic, which the JIT inlines into a
    // rule for less work than UInt128's operators (the first calls of a 1,000-rule pack, JIT included, took 1.1 s
    // instead of 1.4 s; 0.5 s before any of this was inlined).

    /// <summary>Both significands at the larger of the two scales, when both are under 2^64 and at most <see cref="MaxScaleGap"/> scales apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryAlign(decimal x, decimal y, out ulong leftHigh, out ulong leftLow, out ulong rightHigh, out ulong rightLow)
    {
        var a = Of(x);
        var b = Of(y);
        var gap = a.Scale - b.Scale;
        (leftHigh, leftLow, rightHigh, rightLow) = (0, a.Low, 0, b.Low);
        if ((a.High | b.High) != 0 || (uint)(gap + MaxScaleGap) > 2 * MaxScaleGap)
        {
            return false;
        }
        if (gap > 0)
        {
            rightHigh = Math.BigMul(b.Low, PowersOfTen[gap], out rightLow);
        }
        else if (gap < 0)
        {
            leftHigh = Math.BigMul(a.Low, PowersOfTen[-gap], out leftLow);
        }
        return true;
    }

    /// <summary>-1, 0 or 1 as the first magnitude is below, equal to or above the second.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Order(ulong leftHigh, ulong leftLow, ulong rightHigh, ulong rightLow) =>
        leftHigh != rightHigh ? (leftHigh < rightHigh ? -1 : 1)
        : leftLow != rightLow ? (leftLow < rightLow ? -1 : 1)
        : 0;

    /// <summary>The larger magnitude minus the smaller (or equal) one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong High, ulong Low) Difference(ulong largerHigh, ulong largerLow, ulong smallerHigh, ulong smallerLow) =>
        (largerHigh - smallerHigh - (largerLow < smallerLow ? 1UL : 0UL), largerLow - smallerLow);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static decimal Make(ulong high, ulong low, bool negative, int scale) =>
        new((int)(uint)low, (int)(uint)(low >> 32), (int)(uint)high, negative, (byte)scale);
}
