using System.Globalization;

namespace TriggerLang.Engine;

/// <summary>
/// The one way times go out (LANGUAGE.md §8, §11): UTC ISO-8601 with <c>Z</c>, fractional
/// seconds only when non-zero, so that outputs compare as text and read like the input.
/// </summary>
public static class IsoTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
