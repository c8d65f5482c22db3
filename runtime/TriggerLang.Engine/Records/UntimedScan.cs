using System.Text.Json;

namespace TriggerLang.Engine.Records;

/// <summary>
/// A quick first pass over a JSON Lines file for <see cref="UntimedFirstReader"/>: where the last record that may
/// have no time stands. Only tokens are read, nothing is built. A line counts as surely timed when its top-level
/// <c>type</c> is <c>"event"</c> (an event needs a time) or its top-level <c>time</c> is not null: its record is timed,
/// or the line is refused. Any other line may hold an untimed record; erring that way only holds more in memory.
/// </summary>
internal static class UntimedScan
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 16 };

    /// <summary>The number of the last line that may hold an untimed record (0: none; <see cref="int.MaxValue"/>: not known).</summary>
    public static int LastUntimedLine(Stream input)
    {
        var lines = new Utf8Lines(input);
        if (!lines.IsUtf8)
        {
            return int.MaxValue;
        }
        var number = 0;
        var last = 0;
        while (lines.Next() is { } bytes)
        {
            number++;
            if (!IsBlank(bytes.Span) && !IsSurelyTimed(bytes.Span))
            {
                last = number;
            }
        }
        return last;
    }

    private static bool IsSurelyTimed(ReadOnlySpan<byte> line)
    {
        // First, and without checking the line's UTF-8 (a pass over every byte of the file): a bad byte cannot make a
        // plain event line anything else, since it can only become U+FFFD, never a quote that would start a key.
        if (IsPlainEvent(line))
        {
            return true;
        }
        if (!JsonLinesReader.IsPlainObject(line))
        {
            return false;
        }
        try
        {
            var reader = new Utf8JsonReader(line, Options);
            reader.Read();
            // A repeated key: the last one counts, as for JsonElement.TryGetProperty.
            var isEvent = false;
            var hasTime = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                var isTime = reader.ValueTextEquals("time"u8);
                reader.Read();
                if (isType)
                {
                    isEvent = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("event"u8);
                }
                else if (isTime)
                {
                    hasTime = reader.TokenType != JsonTokenType.Null;
                }
                reader.Skip();
            }
            return isEvent || hasTime;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The shape that writers of events use, told from the bytes without reading the JSON (reading every line was
    /// most of this pass): the line starts <c>{"type":"event",</c> and holds no other <c>"type"</c> and no escape
    /// (an escape could spell one, <c>"typ\u0065"</c>), so no later key can make the record anything but an event.
    /// One search for a backslash or a <c>y</c> does both checks: a line has few <c>y</c>s, where searching for
    /// <c>"type"</c> stopped at each of its many quotes.
    /// </summary>
    private static bool IsPlainEvent(ReadOnlySpan<byte> line)
    {
        const int AfterOwnType = 4; // past the y of the line's own "type": {"ty
        if (!line.StartsWith("{\"type\":\"event\","u8))
        {
            return false;
        }
        for (var at = AfterOwnType; ;)
        {
            var found = line[at..].IndexOfAny((byte)'\\', (byte)'y');
            if (found < 0)
            {
                return true;
            }
            at += found;
            if (line[at] == '\\' || IsTypeAt(line, at))
            {
                return false;
            }
            at++;
        }
    }

    /// <summary>Whether the <c>y</c> at <paramref name="y"/> (past the line's own key) is the one of a <c>"type"</c>.</summary>
    private static bool IsTypeAt(ReadOnlySpan<byte> line, int y) => line[(y - 2)..].StartsWith("\"type\""u8);

    /// <summary>ASCII blanks only: the reader skips such a line (a line blank in other ways is counted as a record).</summary>
    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\f\v"u8) < 0;
}
