using System.Globalization;

namespace TriggerLang.Engine;

/// <summary>
/// The one way times go out (LANGUAGE.md §8, §11): UTC ISO-8601 with <c>Z</c>, fractional
/// seconds only when non-zero, so that outputs compare as text and read like the input.
/// </summary>
public static class IsoTime
{
    /// <summary>The most characters <see cref="Format(DateTimeOffset, Span{char})"/> writes.</summary>
    internal const int MaxLength = 28;

    public static string Format(DateTimeOffset time)
    {
        Span<char> text = stackalloc char[MaxLength];
        return new string(text[..Format(time, text)]);
    }

    /// <summary>
    /// The text of <see cref="Format(DateTimeOffset)"/> into <paramref name="text"/> (at least <see cref="MaxLength"/>
    /// long), giving its length: an outcome writer need not make a string of every time it writes.
    /// </summary>
    internal static int Format(DateTimeOffset time, Span<char> text)
    {
        var utc = time.UtcDateTime;
        // Whole seconds (nearly every time the engine writes) are laid out by hand: a custom format string costs
        // more than the rest of an outcome line. The text is the same as the format's.
        if (utc.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            utc.TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
            return written;
        }
        Digits(text[..4], utc.Year);
        text[4] = '-';
        Digits(text.Slice(5, 2), utc.Month);
        text[7] = '-';
        Digits(text.Slice(8, 2), utc.Day);
        text[10] = 'T';
        Digits(text.Slice(11, 2), utc.Hour);
        text[13] = ':';
        Digits(text.Slice(14, 2), utc.Minute);
        text[16] = ':';
        Digits(text.Slice(17, 2), utc.Second);
        text[19] = 'Z';
        return 20;
    }

    /// <summary>The length of <see cref="Compact"/>'s text.</summary>
    internal const int CompactLength = 16;

    /// <summary>
    /// The compact form of message ids, <c>yyyyMMdd'T'HHmmss'Z'</c>, whole seconds (as that format), written into
    /// <paramref name="text"/> (<see cref="CompactLength"/> long): the id is built around it, with no string of its own.
    /// </summary>
    internal static ReadOnlySpan<char> Compact(DateTimeOffset time, Span<char> text)
    {
        var t = time.UtcDateTime;
        Digits(text[..4], t.Year);
        Digits(text.Slice(4, 2), t.Month);
        Digits(text.Slice(6, 2), t.Day);
        text[8] = 'T';
        Digits(text.Slice(9, 2), t.Hour);
        Digits(text.Slice(11, 2), t.Minute);
        Digits(text.Slice(13, 2), t.Second);
        text[15] = 'Z';
        return text[..CompactLength];
    }

    private static void Digits(Span<char> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }
}
