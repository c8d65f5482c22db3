using System.Globalization;
using System.Text.Json;

namespace TriggerLang.Evaluation;

/// <summary>
/// Reads typed values from JSON for the generated record layouts (LANGUAGE.md §8).
/// JSON null reads as absent. Numbers are decimals; timestamps ISO-8601 strings;
/// durations seconds or strings like "30m"; user references id strings.
/// </summary>
public static class TrigJson
{
    public static string? String(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => throw Wrong(field, "a string", value),
    };

    public static decimal? Number(JsonElement value, string field)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }
        throw Wrong(field, "a number", value);
    }

    /// <summary>An int field: a number without a fractional part.</summary>
    public static decimal? Integer(JsonElement value, string field)
    {
        var number = Number(value, field);
        if (number is { } n && decimal.Truncate(n) != n)
        {
            throw new TrigDataException(field, $"expected a whole number, got {n.ToString(CultureInfo.InvariantCulture)}");
        }
        return number;
    }

    public static bool? Bool(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Wrong(field, "true or false", value),
    };

    public static DateTimeOffset? Timestamp(JsonElement value, string field)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && Time(value.GetString()) is { } time)
        {
            return time;
        }
        throw Wrong(field, "an ISO-8601 time such as \"2026-12-01T15:00:00Z\"", value);
    }

    public static TimeSpan? Duration(JsonElement value, string field)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number when value.TryGetDouble(out var seconds) && Seconds(seconds) is { } duration:
                return duration;
            case JsonValueKind.String when TrigOps.ParseDuration(value.GetString()) is { } text:
                return text;
            default:
                throw Wrong(field, "a duration: seconds, or a string such as \"30m\"", value);
        }
    }

    /// <summary>An ISO-8601 time, in UTC (no offset means UTC), or null when the text is not one. Shared by both JSON readers.</summary>
    internal static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime() : null;

    /// <summary>
    /// A duration given as a number of seconds, or null when negative or longer than a <see cref="TimeSpan"/> holds
    /// (about 29,000 years: <see cref="TimeSpan.FromSeconds(double)"/> would throw). Shared by both JSON readers.
    /// </summary>
    internal static TimeSpan? Seconds(double seconds) => seconds is >= 0 and <= MaxSeconds ? TimeSpan.FromSeconds(seconds) : null;

    // TimeSpan.MaxValue in whole seconds: the fraction beyond it (0.477 s) is not worth the double's rounding at this size.
    private const double MaxSeconds = 922_337_203_685;

    public static T[]? List<T>(JsonElement value, string field, Func<JsonElement, string, T> element)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(field, "a list", value);
        }
        var items = new T[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            items[i] = element(item, $"{field}[{i}]");
            i++;
        }
        return items;
    }

    /// <summary>The required field is missing or null.</summary>
    public static TrigDataException Missing(string field) => new(field, "is required by the schema but missing or null");

    private static TrigDataException Wrong(string field, string expected, JsonElement value) =>
        new(field, $"expected {expected}, got {Describe(value)}");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {value.GetRawText()}",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
