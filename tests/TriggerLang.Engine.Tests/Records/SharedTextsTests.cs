using System.Text;
using TriggerLang.Engine.Records;

namespace TriggerLang.Engine.Tests.Records;

/// <summary>Repeated ids read from input lines are one string, up to a bound.</summary>
public sealed class SharedTextsTests
{
    [Fact]
    public void The_same_text_is_the_same_string_and_a_different_one_is_not()
    {
        var texts = new SharedTexts();

        var first = texts.Get("u42"u8);
        var again = texts.Get(Encoding.UTF8.GetBytes("u42"));
        var other = texts.Get("u43"u8);
        var accented = texts.Get("Zoë"u8);

        Assert.Equal("u42", first);
        Assert.Same(first, again);
        Assert.Equal("u43", other);
        Assert.Equal("Zoë", accented);
        Assert.Same(accented, texts.Get("Zoë"u8));
    }

    [Fact]
    public void Thousands_of_texts_each_keep_their_one_string_as_the_table_grows()
    {
        // Prefixes of one another, the same bytes in other orders, and letters of two and three bytes.
        var words = Enumerable.Range(0, 5_000).SelectMany(i => new[] { $"u{i}", $"u{i}x", $"{i}u", $"é{i}", $"€{i}" }).ToList();

        AssertEachKeepsItsOneString(words);
    }

    [Fact]
    public void Texts_that_differ_only_past_the_first_sixteen_bytes_or_by_zero_bytes_are_told_apart()
    {
        // The first 16 bytes are compared in the slot, zero-padded, and the rest apart: texts of 15, 16 and 17 bytes,
        // texts that share those 16 bytes, and texts that end in zero bytes (valid UTF-8) where the padding would be.
        string[] words =
        [
            "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopr", "abcdefghijklmnopqq",
            "abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz0123456780",
            "a", "a\0", "a\0\0", "abcdefghijklmnop\0", "",
        ];

        AssertEachKeepsItsOneString(words);
    }

    [Fact]
    public void Past_the_bound_new_texts_are_made_but_not_kept()
    {
        var texts = new SharedTexts(maxEntries: 2);
        var a = texts.Get("a"u8);
        var b = texts.Get("b"u8);

        var c = texts.Get("c"u8);

        Assert.Equal("c", c);
        Assert.NotSame(c, texts.Get("c"u8));
        Assert.Same(a, texts.Get("a"u8));
        Assert.Same(b, texts.Get("b"u8));
    }

    [Fact]
    public void Each_text_kept_has_its_own_number_in_the_order_first_seen_and_one_not_kept_has_none()
    {
        var texts = new SharedTexts(maxEntries: 3);

        texts.Get("u1"u8, out var u1);
        texts.Get("u2"u8, out var u2);
        texts.Get(Encoding.UTF8.GetBytes("u1"), out var u1Again);
        texts.Get(Encoding.UTF8.GetBytes(new string('x', 200)), out var tooLong);
        texts.Get("u3"u8, out var u3);
        texts.Get("u4"u8, out var pastTheBound);
        texts.Get("u3"u8, out var u3Again);

        Assert.Equal([0, 1, 0, 2, 2], new[] { u1, u2, u1Again, u3, u3Again });
        Assert.Equal(-1, tooLong);
        Assert.Equal(-1, pastTheBound);
    }

    [Fact]
    public void A_text_longer_than_an_id_is_read_but_not_kept()
    {
        var texts = new SharedTexts();
        var bytes = Encoding.UTF8.GetBytes(new string('é', 100));

        var text = texts.Get(bytes);

        Assert.Equal(new string('é', 100), text);
        Assert.NotSame(text, texts.Get(bytes));
    }

    /// <summary>Each text read twice, through one table, from bytes of its own: the same text both times, the same string the second.</summary>
    private static void AssertEachKeepsItsOneString(IReadOnlyList<string> words)
    {
        var texts = new SharedTexts();

        var first = words.Select(word => texts.Get(Encoding.UTF8.GetBytes(word))).ToList();
        var again = words.Select(word => texts.Get(Encoding.UTF8.GetBytes(word))).ToList();

        Assert.Equal(words, first);
        Assert.All(Enumerable.Range(0, words.Count), i => Assert.Same(first[i], again[i]));
    }
}
