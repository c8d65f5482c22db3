using System.Collections;
using System.Text.Json;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Engine.Decision;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Records;

/// <summary>
/// Writes what the engine holds back as the input records of LANGUAGE.md §8, so that a store can keep events and
/// profiles as text and read them back through <see cref="RecordParser"/> — the one way records enter the engine.
/// Only the fields the schema declares are written (the typed records hold nothing else); an absent value is left
/// out. Round trip: parsing the written record gives a record with the same field values.
/// </summary>
public sealed class RecordJson(Schema schema)
{
    /// <summary>The event as a §8 <c>event</c> record.</summary>
    public void WriteEvent(Utf8JsonWriter json, EventRecord e)
    {
        json.WriteStartObject();
        json.WriteString("type", "event");
        json.WriteString("id", e.Id);
        json.WriteString("name", e.Name);
        json.WriteString("user", e.UserId);
        json.WriteString("time", IsoTime.Format(e.Time));
        json.WriteStartObject("properties");
        if (schema.Event(e.Name) is { } symbol)
        {
            for (var i = 0; i < symbol.Fields.Count; i++)
            {
                WriteField(json, symbol.Fields[i].Name, e.GetField(i));
            }
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The profile as one §8 <c>user</c> record with every attribute and preference set (no <c>time</c>).</summary>
    public void WriteProfile(Utf8JsonWriter json, Profile profile)
    {
        json.WriteStartObject();
        json.WriteString("type", "user");
        json.WriteString("id", profile.User.Id);
        json.WriteStartObject("attributes");
        var attributes = schema.User.Attributes;
        // Index 0 is the id, written above.
        for (var i = 1; i < attributes.Count; i++)
        {
            WriteField(json, attributes[i].Name, profile.User.GetAttribute(i));
        }
        json.WriteEndObject();
        WritePreferences(json, "subscriptions", profile.Subscriptions);
        WritePreferences(json, "categories", profile.Categories);
        json.WriteEndObject();
    }

    public string Event(EventRecord e) => Write(json => WriteEvent(json, e));

    public string Profile(Profile profile) => Write(json => WriteProfile(json, profile));

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WritePreferences(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, bool> preferences)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in preferences.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteBoolean(key, value);
        }
        json.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter json, string name, object? value)
    {
        if (value is null)
        {
            return;
        }
        json.WritePropertyName(name);
        WriteValue(json, value);
    }

    /// <summary>The value types of the typed records, in the notation <see cref="TrigJson"/> reads.</summary>
    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case DateTimeOffset time:
                json.WriteStringValue(IsoTime.Format(time));
                break;
            case TimeSpan duration when duration.Ticks % TimeSpan.TicksPerSecond == 0:
                // Whole seconds as the language writes them ("90s"): exact at any size.
                json.WriteStringValue($"{duration.Ticks / TimeSpan.TicksPerSecond}s");
                break;
            case TimeSpan duration:
                json.WriteNumberValue(duration.Ticks / (decimal)TimeSpan.TicksPerSecond);
                break;
            case IEnumerable items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(json, item);
                }
                json.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"a record field holds a {value.GetType().Name}, which records cannot hold");
        }
    }
}
