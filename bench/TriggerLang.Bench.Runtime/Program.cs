using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using TriggerLang.Bench.Runtime;

// Load generator for `trig run`. See ../README.md, "Live runtime".
//   TriggerLang.Bench.Runtime [ingest|single|due|restart|all] [--trig PATH/trig.dll] [--work DIR] [--port P]
//     ingest:  --events 500000 --batch 1000 --connections 4
//     single:  --rate 2000 --seconds 15 (open loop), then --single-events 100000 --connections 16 (closed loop, max)
//     due:     --due 100000 --lead 40 (seconds between the start and the instant every send comes due)
//     restart: --pending 1000000
var options = Options.Parse(args);
var modes = options.Mode == "all" ? new[] { "ingest", "single", "due", "restart" } : [options.Mode];
Console.WriteLine($"trig: {options.Trig}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores; {Report.Load()}");
foreach (var mode in modes)
{
    var folder = Path.Combine(options.Work, mode);
    if (Directory.Exists(folder))
    {
        Directory.Delete(folder, recursive: true);
    }
    RulesProject.Write(folder);
    switch (mode)
    {
        case "ingest":
            await Scenarios.IngestAsync(options, folder);
            break;
        case "single":
            await Scenarios.SingleAsync(options, folder);
            break;
        case "due":
            await Scenarios.DueAsync(options, folder);
            break;
        case "restart":
            await Scenarios.RestartAsync(options, folder);
            break;
        default:
            Console.Error.WriteLine($"unknown mode {mode}");
            return 2;
    }
}
return 0;

internal sealed record Options(string Mode, string Trig, string Work, int Port, int Events, int Batch, int Connections, int Rate, int Seconds,
    int SingleEvents, int Due, int Lead, int Pending)
{
    public static Options Parse(string[] args)
    {
        var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new Options(mode,
            Path.GetFullPath(Get("--trig", "/tmp/rbench-artifacts/bin/TriggerLang.Cli/release/trig.dll")),
            Path.GetFullPath(Get("--work", "/tmp/trig-rbench")),
            Int("--port", 5181), Int("--events", 500_000), Int("--batch", 1000), Int("--connections", 4), Int("--rate", 2000), Int("--seconds", 15),
            Int("--single-events", 100_000), Int("--due", 100_000), Int("--lead", 40), Int("--pending", 1_000_000));
    }
}

/// <summary>The generated rules project: an event no rule listens to, one due an hour after its time, one due in 30 days.</summary>
internal static class RulesProject
{
    public static void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "schema.trig"), """
            event noop { n: int }
            event ping { n: int }
            event later { n: int }
            """);
        File.WriteAllText(Path.Combine(folder, "rules.trig"), """
            rule due_ping "Due an hour after the event"
              on ping
              delay 1h
              send in_app {
                title: "Ping"
                body: "ping {{ event.n }}"
              }

            rule later_ping "Due in 30 days"
              on later
              delay 30d
              send in_app {
                body: "later {{ event.n }}"
              }
            """);
    }

    private static long s_id;

    public static string Event(string prefix, string name, string user, DateTimeOffset time, long n) =>
        "{\"type\":\"event\",\"id\":\"" + prefix + "-" + Interlocked.Increment(ref s_id).ToString(CultureInfo.InvariantCulture)
        + "\",\"name\":\"" + name + "\",\"user\":\"" + user + "\",\"time\":\""
        + time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
        + "\",\"properties\":{\"n\":" + n.ToString(CultureInfo.InvariantCulture) + "}}";

    /// <summary>A JSON array of <paramref name="count"/> events.</summary>
    public static byte[] Batch(string prefix, string name, int count, int users, Func<DateTimeOffset> time)
    {
        var text = new StringBuilder(count * 160).Append('[');
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            var n = Random.Shared.Next();
            text.Append(Event(prefix, name, $"u{n % users}", time(), n));
        }
        return Encoding.UTF8.GetBytes(text.Append(']').ToString());
    }
}

internal static class Report
{
    public static string Load() => $"loadavg {File.ReadAllText("/proc/loadavg").Trim()}";

    public static double OwnCpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    public static string Ms(double ms) => ms.ToString("0.00", CultureInfo.InvariantCulture);

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
}

/// <summary>The runtime's Prometheus counters, summed over labels.</summary>
internal static class Metrics
{
    public static async Task<Dictionary<string, double>> ReadAsync(HttpClient client)
    {
        var text = await client.GetStringAsync("/metrics");
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var space = line.LastIndexOf(' ');
            var name = line[..space];
            var brace = name.IndexOf('{', StringComparison.Ordinal);
            var value = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            if (brace >= 0)
            {
                sums[name] = value;
                name = name[..brace];
            }
            sums[name] = sums.GetValueOrDefault(name) + value;
        }
        return sums;
    }

    public static async Task<double> GetAsync(HttpClient client, string name) => (await ReadAsync(client)).GetValueOrDefault(name);

    /// <summary>Polls until the counter reaches <paramref name="target"/>; the time from <paramref name="since"/>.</summary>
    public static async Task<TimeSpan> WaitAsync(HttpClient client, string name, double target, long since, TimeSpan limit, int pollMs = 50)
    {
        while (true)
        {
            var value = await GetAsync(client, name);
            if (value >= target)
            {
                return Stopwatch.GetElapsedTime(since);
            }
            if (Stopwatch.GetElapsedTime(since) > limit)
            {
                throw new TimeoutException($"{name} reached {value} of {target}");
            }
            await Task.Delay(pollMs);
        }
    }
}
