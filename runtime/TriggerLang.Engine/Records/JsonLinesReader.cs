using System.Text;
using System.Text.Unicode;
using System.Text.Json;

namespace TriggerLang.Engine.Records;

/// <summary>
/// Reads a JSON Lines file of input records (LANGUAGE.md §8): one object per line, blank lines
/// skipped, CRLF and a leading BOM accepted. Each line gives a record or an error, never an
/// exception, so that the caller decides whether to stop (exit 2) or skip (<c>--skip-invalid</c>).
/// </summary>
public static class JsonLinesReader
{
    // Records are flat (§8); anything deeper than a list of lists inside properties is garbage.
    internal const int MaxDepth = 16;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };

    /// <summary>
    /// Records must come in time order: an event, or a user/follow record with a time, earlier than
    /// the previous timed record is an error (and does not move the clock). Records without a time
    /// apply from the start wherever they stand.
    /// </summary>
    public static IEnumerable<ReadResult> Read(TextReader input, string fileName, RecordParser parser)
    {
        var order = new TimeOrder();
        var number = 0;
        while (input.ReadLine() is { } line)
        {
            number++;
            if (number == 1 && line.StartsWith('\uFEFF'))
            {
                line = line[1..];
            }
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var source = new RecordSource(fileName, number);
            var result = ReadLine(line, source, parser);
            yield return order.Check(result, source);
        }
    }

    /// <summary>
    /// The same as <see cref="Read(TextReader, string, RecordParser)"/> over a UTF-8 stream, giving the same results,
    /// but a well-formed line is parsed from its bytes: no string per line, no transcoding; an event line, the common one,
    /// straight into its typed record when <see cref="EventLine"/> is sure to read it as the full path would. Lines that are not plainly
    /// an object in valid UTF-8 (blank, BOM, invalid bytes) are decoded and read as text, exactly as the text reader
    /// would. A stream that starts with a UTF-16 or UTF-32 byte order mark is read as text throughout.
    /// </summary>
    public static IEnumerable<ReadResult> Read(Stream input, string fileName, RecordParser parser)
    {
        var lines = new Utf8Lines(input);
        if (!lines.IsUtf8)
        {
            return Read(lines.AsText(), fileName, parser);
        }
        return ReadUtf8(lines, fileName, parser);
    }

    private static IEnumerable<ReadResult> ReadUtf8(Utf8Lines lines, string fileName, RecordParser parser)
    {
        var order = new TimeOrder();
        var events = new EventLine(parser.Evaluators);
        var number = 0;
        while (lines.Next() is { } bytes)
        {
            number++;
            var source = new RecordSource(fileName, number);
            ReadResult result;
            if (IsPlainObject(bytes.Span))
            {
                result = events.TryRead(bytes.Span, out var userNumber) is { } fast
                    ? new ReadResult(new EventInput(fast, source) { UserNumber = userNumber }, source, null)
                    : ReadLine(bytes, source, parser);
            }
            else
            {
                // What StreamReader would make of the line (invalid bytes become U+FFFD), then the text path.
                var line = Encoding.UTF8.GetString(bytes.Span);
                if (number == 1 && line.StartsWith('\uFEFF'))
                {
                    line = line[1..];
                }
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                result = ReadLine(line, source, parser);
            }
            yield return order.Check(result, source);
        }
    }

    /// <summary>Starts with <c>{</c> (after ASCII blanks) and is valid UTF-8: then bytes and text parse alike.</summary>
    internal static bool IsPlainObject(ReadOnlySpan<byte> line)
    {
        var start = 0;
        while (start < line.Length && line[start] is (byte)' ' or (byte)'\t')
        {
            start++;
        }
        return start < line.Length && line[start] == (byte)'{' && Utf8.IsValid(line);
    }

    private static ReadResult ReadLine(ReadOnlyMemory<byte> line, RecordSource source, RecordParser parser)
    {
        try
        {
            using var document = JsonDocument.Parse(line, Options);
            return new ReadResult(parser.Parse(document.RootElement, source), source, null);
        }
        catch (JsonException exception)
        {
            return ReadResult.Refused(source, $"not a JSON object: {FirstSentence(exception.Message)}");
        }
        catch (InputException exception)
        {
            return ReadResult.Refused(source, exception.Describe());
        }
    }

    private static ReadResult ReadLine(string line, RecordSource source, RecordParser parser)
    {
        try
        {
            using var document = JsonDocument.Parse(line, Options);
            return new ReadResult(parser.Parse(document.RootElement, source), source, null);
        }
        catch (JsonException exception)
        {
            return ReadResult.Refused(source, $"not a JSON object: {FirstSentence(exception.Message)}");
        }
        catch (ArgumentException)
        {
            // What JsonDocument.Parse throws for a lone UTF-16 surrogate: the line is not text at all.
            return ReadResult.Refused(source, "the line is not valid Unicode text");
        }
        catch (InputException exception)
        {
            return ReadResult.Refused(source, exception.Describe());
        }
    }

    /// <summary>System.Text.Json appends its own path and byte position; the line number is ours already.</summary>
    private static string FirstSentence(string message) =>
        message.IndexOf(" Path:", StringComparison.Ordinal) is var end and > 0 ? message[..end] : message;

    /// <summary>
    /// Records must come in time order: a timed record earlier than the previous timed one is refused
    /// (and does not move the clock).
    /// </summary>
    private sealed class TimeOrder
    {
        private DateTimeOffset? _latest;
        private RecordSource _latestSource;

        public ReadResult Check(ReadResult result, RecordSource source)
        {
            if (result.Record?.Time is not { } time)
            {
                return result;
            }
            if (time < _latest)
            {
                return ReadResult.Refused(source, $"`time`: {IsoTime.Format(time)} is earlier than {IsoTime.Format(_latest.Value)} "
                    + $"at {_latestSource}; records must be in time order");
            }
            _latest = time;
            _latestSource = source;
            return result;
        }
    }
}
