using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using TriggerLang.Engine.Records;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Tests.Records;

/// <summary>
/// The fast event reader (<see cref="EventLine"/>) against the full path (<see cref="JsonDocument"/>, then
/// <see cref="RecordParser"/>): whatever it accepts, the full path accepts with the same record, field by field (decimals
/// with their scale); and a file reads the same from its bytes (fast path) as from its text (full path only).
/// </summary>
public class EventLineProperties
{
    private static readonly TestProject Project = TestProject.From(EventLines.Schema);

    private static readonly RecordParser Parser = new(Project.Evaluators, Project.Model.Schema);

    [Fact]
    public void Plain_event_lines_take_the_fast_path_exactly_when_the_full_path_accepts_them_and_read_the_same()
    {
        var accepted = 0;
        var total = 0;
        EventLines.Plain.Sample(line =>
        {
            var (fast, full) = BothWays(line);
            var record = full.StartsWith("refused", StringComparison.Ordinal) ? null : full;
            Interlocked.Increment(ref total);
            if (record is not null)
            {
                Interlocked.Increment(ref accepted);
            }
            Assert.Equal(record, fast);
        }, iter: 3000);
        // The generator is worth its name only if most plain lines are records.
        Assert.True(accepted > total / 2, $"only {accepted} of {total} plain lines were accepted");
    }

    [Fact]
    public void Plain_lines_in_the_writers_order_are_taken_exactly_when_the_full_path_accepts_them_and_read_the_same() =>
        EventLines.PlainInWritersOrder.Sample(line =>
        {
            var (fast, full) = BothWays(line);
            Assert.Equal(full.StartsWith("refused", StringComparison.Ordinal) ? null : full, fast);
        }, iter: 3000);

    [Fact]
    public void Lines_in_the_writers_order_read_the_same_either_way() => EventLines.InWritersOrder.Sample(FastAgreesOrDeclines, iter: 5000);

    [Theory]
    [InlineData("id")]
    [InlineData("user")]
    [InlineData("name")]
    public void A_raw_control_character_in_a_text_read_by_position_is_refused_as_JSON_refuses_it(string member)
    {
        // JSON allows no unescaped control character in a string; the full path refuses the line, the fast one must not take it.
        var texts = new Dictionary<string, string> { ["id"] = "e1", ["user"] = "u1", ["name"] = "few" };
        texts[member] = texts[member][..1] + "\t" + texts[member][1..];
        var line = $$$"""{"type":"event","id":"{{{texts["id"]}}}","name":"{{{texts["name"]}}}","user":"{{{texts["user"]}}}","time":"2026-12-01T10:00:00Z","properties":{}}""";

        var (fast, full) = BothWays(line);

        Assert.Null(fast);
        Assert.StartsWith("refused", full);
    }

    [Theory]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    public void Properties_nest_as_deep_read_by_position_as_inside_the_line(int depth)
    {
        // An extra property nested `depth` arrays deep: the line's root is one level, the properties another.
        var nested = new string('[', depth) + new string(']', depth);
        var line = $$$"""{"type":"event","id":"e1","name":"few","user":"u1","time":"2026-12-01T10:00:00Z","properties":{"note":"n","x":{{{nested}}}}}""";

        var (fast, full) = BothWays(line);

        Assert.True(fast is null || fast == full, $"fast {fast}, full {full}");
        Assert.Equal(full.StartsWith("refused", StringComparison.Ordinal), fast is null);
    }

    [Fact]
    public void Repeated_or_escaped_keys_are_left_to_the_full_path_or_read_as_it_reads_them() =>
        EventLines.Doubtful.Sample(FastAgreesOrDeclines, iter: 3000);

    [Fact]
    public void Whatever_the_fast_path_accepts_the_full_path_reads_the_same() =>
        EventLines.Any.Sample(FastAgreesOrDeclines, iter: 5000);

    [Fact]
    public void Mutated_lines_read_the_same_either_way() =>
        Gen.Select(Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1000], Gen.Int[0, 3], Gen.OneOf(EventLines.Fragments)).Array[0, 4], EventLines.Any)
            .Sample((mutations, line) =>
            {
                foreach (var (kind, at, length, fragment) in mutations)
                {
                    var position = at % (line.Length + 1);
                    var removed = kind == 0 ? line : line.Remove(position, Math.Min(length, line.Length - position));
                    line = kind == 1 ? removed : removed.Insert(position, fragment);
                }
                return FastAgreesOrDeclines(line);
            }, iter: 5000);

    [Fact]
    public void A_file_reads_the_same_from_its_bytes_as_from_its_text() =>
        Gen.Frequency((3, EventLines.Any), (1, EventLines.Plain)).Array[1, 8].Sample(lines =>
        {
            var bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines));
            // What a StreamReader would read from those bytes: the text path, which never takes the fast one.
            var text = Encoding.UTF8.GetString(bytes);
            Assert.Equal(Outcomes(JsonLinesReader.Read(new StringReader(text), "in.jsonl", Parser)),
                Outcomes(JsonLinesReader.Read(new MemoryStream(bytes), "in.jsonl", Parser)));
        }, iter: 1000);

    /// <summary>The fast path declines the line, or reads what the full path reads.</summary>
    private static bool FastAgreesOrDeclines(string line)
    {
        var (fast, full) = BothWays(line);
        return fast is null || fast == full;
    }

    /// <summary>The line read by the fast path (null when it declines) and by the full path (its record, or "refused …").</summary>
    private static (string? Fast, string Full) BothWays(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var fast = JsonLinesReader.IsPlainObject(bytes) && new EventLine(Project.Evaluators).TryRead(bytes, out _) is { } record ? Describe(record) : null;
        return (fast, Full(bytes));
    }

    private static string Full(byte[] line)
    {
        try
        {
            using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = JsonLinesReader.MaxDepth });
            return Parser.Parse(document.RootElement, "test") is EventInput input ? Describe(input.Event) : "refused: not an event";
        }
        catch (Exception exception) when (exception is JsonException or InputException)
        {
            return $"refused: {exception.Message}";
        }
    }

    /// <summary>Each line's result, and the exception that stopped the reading if one did (the same either way).</summary>
    private static List<string> Outcomes(IEnumerable<ReadResult> results)
    {
        var outcomes = new List<string>();
        try
        {
            outcomes.AddRange(results.Select(Describe));
        }
        catch (Exception exception)
        {
            outcomes.Add($"threw {exception.GetType().Name}");
        }
        return outcomes;
    }

    private static string Describe(ReadResult result) =>
        $"{result.Source}: " + (result.Record is EventInput input ? Describe(input.Event) : result.Error ?? result.Record!.ToString());

    /// <summary>Every member of the record, each value exactly: a decimal with its bits (so its scale), a time with its offset.</summary>
    private static string Describe(EventRecord record)
    {
        var fields = Project.Model.Schema.Events[record.Name].Fields;
        var values = fields.Select((field, i) => $"{field.Name}={Value(record.GetField(i))}");
        return $"{record.Name} {record.Id} {record.UserId} {Value(record.Time)} {string.Join(" ", values)}";
    }

    private static string Value(object? value) => value switch
    {
        null => "absent",
        decimal number => $"{number.ToString(CultureInfo.InvariantCulture)}[{string.Join(",", decimal.GetBits(number))}]",
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        TimeSpan span => span.Ticks.ToString(CultureInfo.InvariantCulture) + "t",
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        Array items => $"[{string.Join(",", items.Cast<object?>().Select(Value))}]",
        _ => throw new ArgumentException($"unexpected value {value.GetType()}", nameof(value)),
    };
}
