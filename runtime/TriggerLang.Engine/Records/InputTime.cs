using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TriggerLang.Engine.Records;

/// <summary>
/// Input times (LANGUAGE.md §8): ISO-8601 with a date, a time and an explicit offset (<c>Z</c> or
/// <c>+01:00</c>). A time without an offset is refused rather than guessed: UTC and the machine's
/// zone are both plausible, and a wrong guess shifts every decision silently.
/// </summary>
internal static partial class InputTime
{
    private const string Expected = "expected an ISO-8601 time with an offset, such as \"2026-12-01T15:00:00Z\" or \"2026-12-01T16:00:00+01:00\"";

    public static DateTimeOffset Read(JsonElement value, string field)
    {
        // The string's bytes as written, quotes cut off: an escape in them fails the shape and goes to the general path.
        if (value.ValueKind == JsonValueKind.String && TryReadUtc(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value)[1..^1], out var utc))
        {
            return utc;
        }
        if (value.ValueKind == JsonValueKind.String
            && value.GetString() is { } text
            && Shape().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time.ToUniversalTime();
        }
        throw new InputException(field, $"{Expected}, got {JsonText.Describe(value)}");
    }

    /// <summary>
    /// The common shapes, <c>yyyy-MM-ddTHH:mm:ssZ</c> and with a fraction of a second (<c>…:ss.fffZ</c>, as the
    /// runtime stores times), read straight from the UTF-8 bytes of the string, quotes excluded, as they stand in the
    /// JSON: no string, no regular expression. Anything else (offsets, escapes, an invalid date) is left to the general
    /// path of <see cref="Read"/>. Also the fast event line reader's (<see cref="EventLine"/>) only time parser.
    /// </summary>
    internal static bool TryReadUtc(ReadOnlySpan<byte> text, out DateTimeOffset time)
    {
        time = default;
        // "2026-12-01T15:00:00Z" (20 bytes), or "2026-12-01T15:00:00.123Z" (21 + digits).
        var withFraction = text.Length > 20;
        var fractionDigits = withFraction ? text.Length - 21 : 0;
        if (text.Length < 20 || (withFraction && (fractionDigits is < 1 or > 7 || text[19] != '.'))
            || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[^1] != 'Z')
        {
            return false;
        }
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second)
            || !Digits(text, 20, fractionDigits, out var fraction))
        {
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var ticks = fraction * TicksPerFractionDigits[fractionDigits];
        time = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(ticks);
        return true;
    }

    // The ticks (100 ns) of one unit of a fraction with this many digits: .1 is 1,000,000 ticks, .1234567 one tick.
    private static readonly long[] TicksPerFractionDigits = [0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }
            value = value * 10 + digit;
        }
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
