using NodaTime;

namespace TriggerLang.Compiler.Semantics;

/// <summary>
/// IANA zone names from NodaTime's embedded tz database, so that a zone that
/// checks on a developer machine checks the same in CI and at run time,
/// whatever tzdata the host has.
/// </summary>
public static class TimeZones
{
    private static readonly Dictionary<string, string> ByLowerName = DateTimeZoneProviders.Tzdb.Ids
        .GroupBy(id => id.ToLowerInvariant())
        .ToDictionary(g => g.Key, g => g.First());

    public static IEnumerable<string> Ids => DateTimeZoneProviders.Tzdb.Ids;

    public static bool IsKnown(string name) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(name) is not null;

    /// <summary>A suggestion for a misspelt zone: the same name in other case, or the closest city.</summary>
    public static string? Suggest(string name)
    {
        if (ByLowerName.TryGetValue(name.ToLowerInvariant(), out var exact))
        {
            return exact;
        }
        var normalized = name.Replace(' ', '_');
        if (ByLowerName.TryGetValue(normalized.ToLowerInvariant(), out var spaced))
        {
            return spaced;
        }
        return Diagnostics.Suggestions.Closest(normalized, DateTimeZoneProviders.Tzdb.Ids);
    }
}
