using CsCheck;
using TriggerLang.Evaluation;

namespace TriggerLang.Compiler.Tests.Interpretation;

/// <summary>
/// Compiled rules test <c>starts_with(lower(x), y)</c>, <c>ends_with</c>, <c>contains</c> and <c>lower(x) == y</c>
/// (and upper) without building the folded string (<c>TrigOps.Folded*</c>), ASCII a char at a time and anything else
/// through a buffer. These tests hold every one of them to the plain calls, <c>Lower</c>/<c>Upper</c> then the test,
/// over texts mixing ASCII with letters whose case maps outside it, letters outside the BMP (surrogate pairs) and
/// lone surrogates.
/// </summary>
public class FoldedTextTests
{
    private static readonly string[] Pieces =
        ["a", "B", "z", "Q", "1", "-", "_", " ", "@", "ÿ", "Ÿ", "ß", "İ", "ı", "é", "É", "\U00010400", "\U00010428", "\uD801", "\uDC00"];

    private static readonly Gen<string> Text = Gen.Int[0, Pieces.Length - 1].Array[0, 6].Select(picks => string.Concat(picks.Select(i => Pieces[i])));

    /// <summary>A part that often matches: a slice of the text, folded either way or not, or any text.</summary>
    private static readonly Gen<(string Text, bool Upper, string Part)> Case =
        Gen.Select(Text, Gen.Bool, Gen.Int[0, 3], Gen.Int[0, 12], Gen.Int[0, 12], Text).Select((text, upper, shape, from, length, other) =>
        {
            var start = Math.Min(from, text.Length);
            var slice = text.Substring(start, Math.Min(length, text.Length - start));
            var part = shape switch
            {
                0 => slice.ToLowerInvariant(),
                1 => slice.ToUpperInvariant(),
                2 => slice,
                _ => other,
            };
            return (text, upper, part);
        });

    [Fact]
    public void Folded_tests_equal_folding_then_testing()
    {
        Case.Sample(c =>
        {
            var (text, upper, part) = c;
            var folded = upper ? TrigOps.Upper(text)! : TrigOps.Lower(text)!;
            var because = $"text \"{Escaped(text)}\" folded {(upper ? "up" : "down")}, part \"{Escaped(part)}\"";
            Assert.True(TrigOps.FoldedStartsWith(text, upper, part) == folded.StartsWith(part, StringComparison.Ordinal), $"starts_with: {because}");
            Assert.True(TrigOps.FoldedEndsWith(text, upper, part) == folded.EndsWith(part, StringComparison.Ordinal), $"ends_with: {because}");
            Assert.True(TrigOps.FoldedContains(text, upper, part) == folded.Contains(part, StringComparison.Ordinal), $"contains: {because}");
            Assert.True(TrigOps.FoldedEqual(text, upper, part) == (folded == part), $"==: {because}");
            Assert.True(TrigOps.FoldedNotEqual(text, upper, part) == (folded != part), $"!=: {because}");
        }, iter: 100_000);
    }

    [Fact]
    public void An_absent_text_or_part_gives_absent_or_false()
    {
        Assert.Null(TrigOps.FoldedStartsWith(null, false, "a"));
        Assert.Null(TrigOps.FoldedEndsWith("a", true, null));
        Assert.Null(TrigOps.FoldedContains(null, false, "a"));
        Assert.False(TrigOps.FoldedEqual(null, false, "a"));
        Assert.False(TrigOps.FoldedNotEqual("a", false, null));
    }

    private static string Escaped(string text) => string.Concat(text.Select(c => c < 0x80 ? c.ToString() : $"\\u{(int)c:X4}"));
}
