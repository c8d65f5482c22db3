using System.Globalization;

namespace TriggerLang.Engine;

/// <summary>Times as the §8 contract writes them: UTC ISO-8601 with <c>Z</c>, fractions of a second only when there are some.</summary>
public static class TimeText
{
    public static string Iso(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }
}
