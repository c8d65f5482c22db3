using System.Globalization;
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
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>
    /// Records must come in time order: an event, or a user/follow record with a time, earlier than
    /// the previous timed record is an error (and does not move the clock). Records without a time
    /// apply from the start wherever they stand.
    /// </summary>
    public static IEnumerable<ReadResult> Read(TextReader input, string fileName, RecordParser parser)
    {
        DateTimeOffset? latest = null;
        string? latestSource = null;
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
            var source = $"{fileName}:{number.ToString(CultureInfo.InvariantCulture)}";
            var result = ReadLine(line, source, parser);
            if (result.Record?.Time is { } time)
            {
                if (time < latest)
                {
                    result = ReadResult.Refused(source, $"`time`: {IsoTime.Format(time)} is earlier than {IsoTime.Format(latest.Value)} "
                        + $"at {latestSource}; records must be in time order");
                }
                else
                {
                    latest = time;
                    latestSource = source;
                }
            }
            yield return result;
        }
    }

    private static ReadResult ReadLine(string line, string source, RecordParser parser)
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
}
