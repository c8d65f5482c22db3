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
        if (value.ValueKind == JsonValueKind.String
            && value.GetString() is { } text
            && Shape().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time.ToUniversalTime();
        }
        throw new InputException(field, $"{Expected}, got {JsonText.Describe(value)}");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
