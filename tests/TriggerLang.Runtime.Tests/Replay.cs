using System.Text;
using System.Text.Json;
using TriggerLang.Compiler.Plugins;
using TriggerLang.Engine;
using TriggerLang.Engine.Records;
using TriggerLang.Engine.Rendering;

namespace TriggerLang.Runtime.Tests;

/// <summary>
/// Feeds JSON Lines input to a live runtime through HTTP as a producer would, with the fake clock at each record's
/// time, and fires every pending send exactly at its due time — the conditions under which the runtime must decide
/// as the simulator does.
/// </summary>
internal static class Replay
{
    public static async Task RunAsync(TestRuntime runtime, IReadOnlyList<string> lines, bool drain = true)
    {
        var records = lines.Where(l => l.Trim().Length > 0).Select(l => (Line: l, Type: Type(l), Time: Time(l))).ToList();
        // Untimed user and follow records apply from the start, wherever they stand (§8).
        foreach (var (line, type, _) in records.Where(r => r.Time is null))
        {
            await runtime.AcceptAsync(Endpoint(type), line);
        }
        await runtime.SettleAsync();
        var timed = records.Where(r => r.Time is not null).ToList();
        for (var i = 0; i < timed.Count;)
        {
            // Records of one type at one instant go together, so that no pass can fire the sends due at that instant
            // between them (inputs come before the work due at their instant, §11).
            var (_, type, time) = timed[i];
            var batch = new List<string>();
            for (; i < timed.Count && timed[i].Type == type && timed[i].Time == time; i++)
            {
                batch.Add(timed[i].Line);
            }
            await runtime.FireDueUntilAsync(time!.Value - TimeSpan.FromTicks(1));
            runtime.Clock.SetUtcNow(time.Value);
            await runtime.AcceptAsync(Endpoint(type), $"[{string.Join(",", batch)}]");
            await runtime.SettleAsync();
        }
        if (drain)
        {
            await runtime.DrainAsync();
        }
    }

    /// <summary>What <c>trig simulate</c> writes for <paramref name="lines"/> over the project in <paramref name="rules"/>.</summary>
    public static string Simulate(string rules, string plugins, IReadOnlyList<string> lines)
    {
        var (channels, _) = ChannelCatalogLoader.Load(plugins);
        var load = RuleProject.Open(rules, channels, RenderLimits.Default);
        using var project = load.Project ?? throw new InvalidOperationException(string.Join("\n", load.Diagnostics));
        var parser = new RecordParser(project.Evaluators, project.Compilation.Model.Schema);
        var input = JsonLinesReader.Read(new StringReader(string.Join("\n", lines)), "events.jsonl", parser).ToList();
        Assert.DoesNotContain(input, r => r.IsError);
        var output = new StringWriter { NewLine = "\n" };
        foreach (var outcome in project.CreateSimulator().Run([.. input.Select(r => r.Record!)]).Outcomes)
        {
            OutcomeJson.Write(output, outcome, explain: false);
        }
        return output.ToString();
    }

    private static string Type(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty("type").GetString()!;
    }

    private static DateTimeOffset? Time(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.TryGetProperty("time", out var time) && time.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(time.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    private static string Endpoint(string type) => type switch
    {
        "user" => "/v1/users",
        "follow" => "/v1/follows",
        "event" => "/v1/events",
        _ => throw new ArgumentException($"no endpoint takes `{type}` records", nameof(type)),
    };
}
