using System.Text;
using TriggerLang.Engine.Records;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Tests.Records;

/// <summary>
/// Text properties that repeat from event to event (a page, a category) are read into one string, which the events the
/// engine keeps share, and every text still reads as the line wrote it.
/// </summary>
public sealed class PropertyTextsTests
{
    private const string Project = """
        event view { page: string, note: string? }
        rule r on view send email "x"
        """;

    [Fact]
    public void A_text_seen_again_is_the_same_string_and_every_text_reads_as_written()
    {
        var long65 = new string('p', 65);
        string[] pages = ["home", "Inès", "月曜日", "home", "Inès", "月曜日", long65, long65, "", ""];
        var views = Read(pages.Select((page, i) => View(i, $$"""{"page":"{{page}}"}""")));

        Assert.Equal(pages, views.Select(v => (string?)v.GetField(0)));
        // Each short text the second time it comes: the first one's string.
        for (var i = 0; i < 3; i++)
        {
            Assert.Same(views[i].GetField(0), views[i + 3].GetField(0));
        }
    }

    [Fact]
    public void Escaped_texts_and_texts_that_share_a_start_read_as_written()
    {
        string[] written = [@"t\u0065a", "tea", "tea\\n", "te", "tea ", "tea", @"\ud83d\ude00", "😀"];
        string[] read = ["tea", "tea", "tea\n", "te", "tea ", "tea", "😀", "😀"];
        var views = Read(written.Select((note, i) => View(i, $$"""{"page":"x","note":"{{note}}"}""")));

        Assert.Equal(read, views.Select(v => (string?)v.GetField(1)));
    }

    [Fact]
    public void Two_texts_of_one_hash_read_as_written()
    {
        // The cache's hash is quick and 32 bits: among enough texts two share it, and then the slot they share must
        // still give each its own text.
        var (first, second) = Colliding();
        string[] pages = [first, second, first, second];
        var views = Read(pages.Select((page, i) => View(i, $$"""{"page":"{{page}}"}""")));

        Assert.Equal(pages, views.Select(v => (string?)v.GetField(0)));
    }

    private static (string, string) Colliding()
    {
        var seen = new Dictionary<int, string>();
        for (var i = 0; ; i++)
        {
            var text = $"page-{i}";
            var hash = RecentTexts.HashOf(Encoding.UTF8.GetBytes(text));
            if (!seen.TryAdd(hash, text))
            {
                return (seen[hash], text);
            }
        }
    }

    /// <summary>A view event's line, the <paramref name="number"/>th, with these properties (a JSON object).</summary>
    private static string View(int number, string properties) =>
        $$"""{"type":"event","id":"e{{number}}","name":"view","user":"u1","time":"2026-12-01T10:00:00Z","properties":{{properties}}}""";

    /// <summary>The lines' events, read as trig reads a file: from its bytes.</summary>
    private static List<EventRecord> Read(IEnumerable<string> lines)
    {
        using var project = RuleProjects.FromText(Project);
        var parser = new RecordParser(project.Evaluators, project.Compilation.Model.Schema);
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        return [.. JsonLinesReader.Read(input, "input.jsonl", parser).Select(r => ((EventInput)r.Record!).Event)];
    }
}
