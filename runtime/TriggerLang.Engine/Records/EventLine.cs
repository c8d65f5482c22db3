using System.Text;
using System.Text.Json;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Records;

/// <summary>
/// The fast path of <see cref="JsonLinesReader"/> for the common line, an event: read from its UTF-8 bytes by a
/// <see cref="Utf8JsonReader"/> straight into the project's typed record (<see cref="EventRecord.TryReadProperties"/>),
/// with no <see cref="JsonDocument"/>. It accepts only what <see cref="RecordParser"/> accepts, with the same values:
/// a line it is not sure of — another record type, a missing, null, repeated or escaped key, a time not in the common
/// UTC shape, an unknown event, a value the record would refuse, malformed JSON — gives null, and the caller reads the
/// line the full way, which also words every error. Keys other than the six an event has are skipped, as the full
/// path ignores them.
/// </summary>
internal sealed class EventLine(IRuleEvaluators evaluators)
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = JsonLinesReader.MaxDepth };

    // The properties read on their own, as the root of their reader: one level less, so that they may nest exactly as
    // deep as inside the line.
    private static readonly JsonReaderOptions PropertiesOptions = new() { MaxDepth = JsonLinesReader.MaxDepth - 1 };

    // Event names and user ids repeat from line to line: read into one string each rather than a new one per line
    // (the engine keeps events for days, and each would hold its own copy). Few names are ever declared; the bound
    // only stops a file of made-up names from growing the table.
    private readonly SharedTexts _names = new(maxEntries: 1024);
    private readonly SharedTexts _users = new();

    [Flags]
    private enum Key
    {
        None = 0,
        Type = 1,
        Id = 2,
        Name = 4,
        User = 8,
        Time = 16,
        Properties = 32,
        Required = Type | Id | Name | User | Time,
    }

    /// <summary>
    /// The event of a line that starts with <c>{</c> and is valid UTF-8, or null: read it the full way. Its user id comes
    /// with a number, the same for the same id and for no other (<see cref="SharedTexts.Get(ReadOnlySpan{byte}, out int)"/>),
    /// or -1.
    /// </summary>
    public EventRecord? TryRead(ReadOnlySpan<byte> line, out int userNumber)
    {
        userNumber = -1;
        try
        {
            return TryReadInWritersOrder(line, out var record, out userNumber) ? record : Read(line, out userNumber);
        }
        catch (JsonException)
        {
            return null; // malformed JSON: JsonDocument.Parse words it
        }
        catch (InvalidOperationException)
        {
            return null; // GetString on an escaped lone surrogate, as JsonElement.GetString throws: RecordParser words it
        }
    }

    /// <summary>
    /// A line in the shape writers give it: <c>{"type":"event","id":"…","name":"…","user":"…","time":"…","properties":{…}}</c>,
    /// those six members in that order and nothing else, the texts without escapes. Such a line is read by position, and
    /// only its properties go through a JSON reader (the top-level tokens were a third of reading a line). False for any
    /// other shape: <see cref="Read"/> reads it. True with a null record when the record declines it, as
    /// <see cref="Read"/> would.
    /// </summary>
    private bool TryReadInWritersOrder(ReadOnlySpan<byte> line, out EventRecord? record, out int userNumber)
    {
        record = null;
        userNumber = -1;
        var rest = line;
        if (!Skip(ref rest, "{\"type\":\"event\",\"id\":\""u8) || !TakeText(ref rest, out var id)
            || !Skip(ref rest, ",\"name\":\""u8) || !TakeText(ref rest, out var name)
            || !Skip(ref rest, ",\"user\":\""u8) || !TakeText(ref rest, out var user)
            || !Skip(ref rest, ",\"time\":\""u8) || !TakeText(ref rest, out var time) || !InputTime.TryReadUtc(time, out var at)
            || !Skip(ref rest, ",\"properties\":"u8) || rest.Length < 3 || rest[0] != '{' || rest[^1] != '}')
        {
            return false;
        }
        // The properties object, which must close just before the line does.
        var properties = rest[..^1];
        var reader = new Utf8JsonReader(properties, PropertiesOptions);
        reader.Read();
        var made = evaluators.NewEvent(_names.Get(name));
        if (made is null || !made.TryReadProperties(ref reader))
        {
            return true;
        }
        if (reader.BytesConsumed != properties.Length)
        {
            return false; // more after the properties: another member, or blanks
        }
        made.Id = Encoding.UTF8.GetString(id);
        made.UserId = _users.Get(user, out userNumber);
        made.Time = at;
        record = made;
        return true;
    }

    private static bool Skip(ref ReadOnlySpan<byte> rest, ReadOnlySpan<byte> expected)
    {
        if (!rest.StartsWith(expected))
        {
            return false;
        }
        rest = rest[expected.Length..];
        return true;
    }

    /// <summary>A non-empty JSON text up to its closing quote, with no escape and no control character (which JSON forbids unescaped).</summary>
    private static bool TakeText(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> text)
    {
        var end = rest.IndexOfAny((byte)'"', (byte)'\\');
        text = end > 0 ? rest[..end] : default;
        if (end <= 0 || rest[end] != '"' || text.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0)
        {
            return false;
        }
        rest = rest[(end + 1)..];
        return true;
    }

    private EventRecord? Read(ReadOnlySpan<byte> line, out int userNumber)
    {
        userNumber = -1;
        var reader = new Utf8JsonReader(line, Options);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        var keys = Key.None;
        string? id = null, name = null, user = null;
        var time = default(DateTimeOffset);
        // The properties are read into the record, which needs the name. With the name before them they are read where
        // they stand; otherwise the reader is kept at their start and they are read at the end. None (absent or null)
        // read as an empty object, so that the record still checks its required fields.
        EventRecord? record = null;
        var properties = EmptyProperties();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return null; // it could spell one of the six ("typ\u0065")
            }
            var key = KeyOf(reader.ValueSpan);
            if ((keys & key) != 0)
            {
                return null; // repeated: which one counts stays JsonElement.TryGetProperty's decision
            }
            keys |= key;
            reader.Read();
            var read = key switch
            {
                Key.Type => reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("event"u8),
                Key.Id => Text(ref reader, out id),
                Key.Name => Shared(_names, ref reader, out name, out _),
                Key.User => Shared(_users, ref reader, out user, out userNumber),
                Key.Time => reader.TokenType == JsonTokenType.String && InputTime.TryReadUtc(reader.ValueSpan, out time),
                Key.Properties => reader.TokenType is JsonTokenType.StartObject or JsonTokenType.Null,
                _ => true,
            };
            if (!read)
            {
                return null;
            }
            if (key == Key.Properties && reader.TokenType == JsonTokenType.StartObject)
            {
                if (name is not null)
                {
                    if ((record = evaluators.NewEvent(name)) is null || !record.TryReadProperties(ref reader))
                    {
                        return null;
                    }
                    continue; // on the properties' end
                }
                properties = reader;
            }
            reader.Skip();
        }
        // The end of the object, and nothing after it (Read throws on anything but blanks).
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || (keys & Key.Required) != Key.Required)
        {
            return null;
        }
        if (record is null && ((record = evaluators.NewEvent(name!)) is null || !record.TryReadProperties(ref properties)))
        {
            return null; // properties absent, or before the name, read now
        }
        record.Id = id!;
        record.UserId = user!;
        record.Time = time;
        return record;
    }

    private static Key KeyOf(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("type"u8) => Key.Type,
        _ when name.SequenceEqual("id"u8) => Key.Id,
        _ when name.SequenceEqual("name"u8) => Key.Name,
        _ when name.SequenceEqual("user"u8) => Key.User,
        _ when name.SequenceEqual("time"u8) => Key.Time,
        _ when name.SequenceEqual("properties"u8) => Key.Properties,
        _ => Key.None,
    };

    /// <summary>
    /// A text as <see cref="Text"/> reads it, the same string as before for the same text written without escapes, with
    /// its number in <paramref name="texts"/> (-1 for an escaped text, which is not shared).
    /// </summary>
    private static bool Shared(SharedTexts texts, ref Utf8JsonReader reader, out string? text, out int number)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.ValueSpan.IsEmpty)
        {
            text = texts.Get(reader.ValueSpan, out number);
            return true;
        }
        number = -1;
        return Text(ref reader, out text);
    }

    /// <summary>A non-empty string, as <see cref="RecordParser"/> requires of the id, name and user.</summary>
    private static bool Text(ref Utf8JsonReader reader, out string? text)
    {
        text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return text is { Length: > 0 };
    }

    /// <summary>No properties, or null: read as an empty object, so that the record still checks its required fields.</summary>
    private static Utf8JsonReader EmptyProperties()
    {
        var reader = new Utf8JsonReader("{}"u8);
        reader.Read();
        return reader;
    }
}
