using CsCheck;
using TriggerLang.Evaluation;

namespace TriggerLang.Compiler.Tests.Interpretation;

/// <summary>
/// <c>TrigOps</c> does an operation that cannot overflow in place and guards only the others; these tests hold it to
/// the plain <c>decimal</c> operation with overflow as absent, bit for bit (sign, scale and significand), over decimals
/// of every size, scale and sign, and at the edges of the fast paths: significands just under and over 2^32, 2^64
/// and 2^96, and remainders of mixed scales.
/// </summary>
public class ArithmeticFastPathTests
{
    /// <summary>Any decimal: each 32-bit word of the significand zero, small, or any, so that every path is taken often.</summary>
    private static readonly Gen<decimal> AnyDecimal =
        Gen.Select(Word, Word, Word, Gen.Bool, Gen.Int[0, 28]).Select((lo, mid, hi, negative, scale) => new decimal(lo, mid, hi, negative, (byte)scale));

    private static Gen<int> Word => Gen.Frequency((3, Gen.Const(0)), (2, Gen.Int[1, 1000]), (1, Gen.Const(-1)), (1, Gen.Const(1 << 30)), (2, Gen.Int));

    private static readonly (string Name, Func<decimal?, decimal?, decimal?> Fast, Func<decimal, decimal, decimal> Plain)[] Operations =
    [
        ("+", TrigOps.Add, static (x, y) => x + y),
        ("-", TrigOps.Subtract, static (x, y) => x - y),
        ("*", TrigOps.Multiply, static (x, y) => x * y),
        ("/", TrigOps.Divide, static (x, y) => x / y),
        ("%", TrigOps.Modulo, static (x, y) => x % y),
    ];

    [Fact]
    public void Arithmetic_equals_the_plain_decimal_operation_with_overflow_as_absent()
    {
        Gen.Select(AnyDecimal, AnyDecimal, Gen.Int[0, Operations.Length - 1]).Sample((x, y, op) =>
        {
            var (name, fast, plain) = Operations[op];
            var expected = Reference(plain, x, y);
            var actual = fast(x, y);
            Assert.True(Same(expected, actual), $"{x} {name} {y}: expected {Show(expected)}, got {Show(actual)}");
        }, iter: 200_000);
    }

    [Fact]
    public void Remainders_of_one_scale_equal_the_plain_remainder()
    {
        // Operands of one scale take the unsigned remainder of their significands when both are under 2^64; drawn apart,
        // their scales would rarely meet.
        Gen.Select(AnyDecimal, AnyDecimal).Sample((x, y) =>
        {
            var sameScale = new decimal(decimal.GetBits(y)[0], decimal.GetBits(y)[1], decimal.GetBits(y)[2], y < 0, x.Scale);
            var expected = Reference(static (a, b) => a % b, x, sameScale);
            Assert.True(Same(expected, TrigOps.Modulo(x, sameScale)), $"{x} % {sameScale}: expected {Show(expected)}, got {Show(TrigOps.Modulo(x, sameScale))}");
        }, iter: 200_000);
    }

    [Fact]
    public void Comparisons_equal_decimal_comparisons()
    {
        // Half the pairs are one value at two scales (1.5 and 1.50), or its negation: equal, or apart only by sign.
        var pair = Gen.Select(AnyDecimal, AnyDecimal, Gen.Int[0, 3]).Select((x, y, shape) => shape switch
        {
            0 => (x, x * 1.00m),
            1 => (x, -x),
            _ => (x, y),
        });
        pair.Sample(p =>
        {
            var (x, y) = p;
            Assert.True(TrigOps.Compare(x, y) == x.CompareTo(y), $"compare({x}, {y}): expected {x.CompareTo(y)}, got {TrigOps.Compare(x, y)}");
            Assert.True(TrigOps.Equal(x, y) == (x == y), $"{x} == {y}: expected {x == y}");
            Assert.True(TrigOps.NotEqual(x, y) == (x != y), $"{x} != {y}: expected {x != y}");
        }, iter: 200_000);
    }

    [Fact]
    public void Rounding_half_away_from_zero_equals_Math_Round()
    {
        // Half the draws are midpoints (a significand ending in 5 followed by zeros), where the rounding direction matters.
        var midpoint = Gen.Select(Gen.Long[0, long.MaxValue / 100], Gen.Int[0, 12], Gen.Bool, Gen.Int[1, 28])
            .Where((whole, zeros, _, scale) => zeros < scale)
            .Select((whole, zeros, negative, scale) => new decimal((whole * 10 + 5) * (long)Math.Pow(10, Math.Min(zeros, 6))) / (decimal)Math.Pow(10, Math.Min(scale, 20)) * (negative ? -1 : 1));
        Gen.Select(Gen.OneOf(AnyDecimal, midpoint), Gen.Int[0, 28]).Sample((x, digits) =>
        {
            var expected = Math.Round(x, digits, MidpointRounding.AwayFromZero);
            Assert.True(Same(expected, TrigOps.RoundTo(x, digits)), $"round({x}, {digits}): expected {Show(expected)}, got {Show(TrigOps.RoundTo(x, digits))}");
            Assert.True(Same(expected, TrigOps.Round(x, digits)), $"round({x}, {digits}) with digits as a value: expected {Show(expected)}, got {Show(TrigOps.Round(x, digits))}");
        }, iter: 200_000);
    }

    [Fact]
    public void The_significand_read_in_place_is_the_one_GetBits_gives()
    {
        AnyDecimal.Sample(x =>
        {
            var bits = decimal.GetBits(x);
            var read = SmallDecimal.Of(x);
            Assert.Equal(bits[3], read.Flags);
            Assert.Equal((uint)bits[2], read.High);
            Assert.Equal((ulong)(uint)bits[1] << 32 | (uint)bits[0], read.Low);
        });
    }

    [Theory]
    // Sums and products at the edges of the fast paths: significands of 2^64 - 1 (two full words), 2^64, 2^96 - 1.
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("18446744073709551616", "18446744073709551615")]
    [InlineData("79228162514264337593543950335", "1")]
    [InlineData("-79228162514264337593543950335", "1")]
    [InlineData("4294967295", "18446744073709551615")]
    [InlineData("4294967296", "18446744073709551615")]
    [InlineData("281474976710656", "281474976710656")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("7922816251426433759354395033.5", "10")]
    // Remainders of one scale, and of mixed scales (the guarded path).
    [InlineData("-7", "3")]
    [InlineData("-4", "2")]
    [InlineData("-4", "-4")]
    [InlineData("-7.5", "2")]
    [InlineData("79228162514264337593543950335", "0.0000000000000000000000000007")]
    public void The_edges_of_the_fast_paths_equal_the_plain_operations(string left, string right)
    {
        var (x, y) = (decimal.Parse(left, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(right, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (name, fast, plain) in Operations)
        {
            foreach (var (a, b) in new[] { (x, y), (y, x), (-x, y), (x, -y) })
            {
                var expected = Reference(plain, a, b);
                Assert.True(Same(expected, fast(a, b)), $"{a} {name} {b}: expected {Show(expected)}, got {Show(fast(a, b))}");
            }
        }
    }

    [Fact]
    public void Absent_operands_give_absent()
    {
        foreach (var (_, fast, _) in Operations)
        {
            Assert.Null(fast(null, 1m));
            Assert.Null(fast(1m, null));
        }
    }

    /// <summary>The plain operation, with overflow (and division by zero, which TrigOps also makes absent) as null.</summary>
    private static decimal? Reference(Func<decimal, decimal, decimal> plain, decimal x, decimal y)
    {
        try
        {
            return plain(x, y);
        }
        catch (Exception e) when (e is OverflowException or DivideByZeroException)
        {
            return null;
        }
    }

    private static bool Same(decimal? expected, decimal? actual) =>
        expected is { } e ? actual is { } a && decimal.GetBits(e).SequenceEqual(decimal.GetBits(a)) : actual is null;

    private static string Show(decimal? value) => value is { } v ? $"{v} (bits {string.Join(",", decimal.GetBits(v))})" : "absent";
}
