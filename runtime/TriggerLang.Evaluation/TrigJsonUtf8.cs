using System.Text.Json;

namespace TriggerLang.Evaluation;

/// <summary>
/// The fast twins of <see cref="TrigJson"/>'s readers, over the value a <see cref="Utf8JsonReader"/> is on, for the
/// generated <see cref="EventRecord.TryReadProperties"/>. Each gives the value <see cref="TrigJson"/> would give, with
/// the same parser underneath (<c>TryGetDecimal</c>, <c>TryGetDouble</c>, <c>GetString</c>, the same
/// <c>DateTimeOffset.TryParse</c>); where <see cref="TrigJson"/> would throw, they return false, and the caller reads
/// the event again through <see cref="TrigJson"/>, which words the error. So only the accepting cases live here.
/// </summary>
public static class TrigJsonUtf8
{
    /// <summary>Reads one value; false when <see cref="TrigJson"/> would not accept it.</summary>
    public delegate bool Reader<T>(ref Utf8JsonReader reader, out T value);

    public static bool String(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String:
                // Escapes are unescaped as JsonElement.GetString does (one implementation); a lone surrogate throws
                // InvalidOperationException there and here, and the caller declines the line. A plain short text is
                // shared with the last one equal to it (RecentTexts).
                value = (reader.ValueIsEscaped || reader.HasValueSequence ? null : RecentTexts.Get(reader.ValueSpan)) ?? reader.GetString();
                return true;
            default:
                return false;
        }
    }

    public static bool Number(ref Utf8JsonReader reader, out decimal? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            // The same parse as JsonElement.TryGetDecimal, so the same value and the same scale (1.50 stays 1.50).
            case JsonTokenType.Number when reader.TryGetDecimal(out var number):
                value = number;
                return true;
            default:
                return false;
        }
    }

    public static bool Integer(ref Utf8JsonReader reader, out decimal? value) =>
        Number(ref reader, out value) && (value is not { } n || decimal.Truncate(n) == n);

    public static bool Bool(ref Utf8JsonReader reader, out bool? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.True or JsonTokenType.False:
                value = reader.TokenType == JsonTokenType.True;
                return true;
            default:
                return false;
        }
    }

    public static bool Timestamp(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String when TrigJson.Time(reader.GetString()) is { } time:
                value = time;
                return true;
            default:
                return false;
        }
    }

    public static bool Duration(ref Utf8JsonReader reader, out TimeSpan? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.Number when reader.TryGetDouble(out var seconds) && TrigJson.Seconds(seconds) is { } duration:
                value = duration;
                return true;
            case JsonTokenType.String when TrigOps.ParseDuration(reader.GetString()) is { } text:
                value = text;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A list: counted on a copy of the reader first, so that the array is made at its size, as <see cref="TrigJson.List"/> makes it.</summary>
    public static bool List<T>(ref Utf8JsonReader reader, out T[]? value, Reader<T> element)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }
        var count = 0;
        var probe = reader;
        while (probe.Read() && probe.TokenType != JsonTokenType.EndArray)
        {
            probe.Skip();
            count++;
        }
        var items = new T[count];
        for (var i = 0; i < count; i++)
        {
            reader.Read();
            if (!element(ref reader, out items[i]))
            {
                return false;
            }
        }
        reader.Read();
        value = items;
        return true;
    }
}
