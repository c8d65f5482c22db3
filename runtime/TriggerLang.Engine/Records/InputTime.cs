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
        if (value.ValueKind == JsonValueKind.String && TryReadUtc(value, out var utc))
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
    /// runtime stores times), read straight from the UTF-8 bytes: no string, no regular expression. Anything else
    /// (offsets, escapes, an invalid date) is left to the general path.
    /// </summary>
    private static bool TryReadUtc(JsonElement value, out DateTimeOffset time)
    {
        time = default;
        // The raw token, quotes included: "2026-12-01T15:00:00Z" (22 bytes), or "2026-12-01T15:00:00.123Z" (23 + digits).
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        var withFraction = raw.Length > 22;
        var fractionDigits = withFraction ? raw.Length - 23 : 0;
        if (raw.Length < 22 || (withFraction && (fractionDigits is < 1 or > 7 || raw[20] != '.'))
            || raw[5] != '-' || raw[8] != '-' || raw[11] != 'T' || raw[14] != ':' || raw[17] != ':' || raw[^2] != 'Z')
        {
            return false;
        }
        if (!Digits(raw, 1, 4, out var year) || !Digits(raw, 6, 2, out var month) || !Digits(raw, 9, 2, out var day)
            || !Digits(raw, 12, 2, out var hour) || !Digits(raw, 15, 2, out var minute) || !Digits(raw, 18, 2, out var second)
            || !Digits(raw, 21, fractionDigits, out var fraction))
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
