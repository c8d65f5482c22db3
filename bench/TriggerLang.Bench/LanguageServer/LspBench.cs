using System.Diagnostics;
using System.Text.RegularExpressions;
using TriggerLang.Bench.Generation;
using TriggerLang.LanguageServer.Protocol;
using TriggerLang.LanguageServer.Tests;

namespace TriggerLang.Bench.LanguageServer;

/// <summary>
/// <c>--lsp</c>: the issue's language-server budget, measured on a real server in process
/// (bench/README.md, "Language server"). On a generated ~2,000-line project: didChange →
/// publishDiagnostics (an error and its fix, alternately, in one rule file) and completion
/// at four positions; on a ~20,000-line project: time to first diagnostics and memory.
/// </summary>
internal static partial class LspBench
{
    private const int Warmup = 5;

    public static async Task<int> Run(string[] args)
    {
        try
        {
            var rules = BenchCommands.IntOption(args, "--rules", 100);
            var bigRules = BenchCommands.IntOption(args, "--big-rules", 1000);
            var iterations = BenchCommands.IntOption(args, "--iterations", 100);
            Console.WriteLine($"Language server in process, {iterations} iterations after {Warmup} warm-up ones (Release: {!IsDebug()})\n");
            Console.WriteLine("| Measurement | Project | n | median | p95 | max | target |");
            Console.WriteLine("|---|---|--:|--:|--:|--:|---|");
            // The big project first: its time to first diagnostics then includes the JIT, as in a freshly started `trig lsp`.
            await Memory(bigRules);
            await Latencies(rules, iterations);
            return 0;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"TriggerLang.Bench: {e.Message}");
            return 2;
        }
    }

    private static async Task Latencies(int rules, int iterations)
    {
        var project = ProjectGenerator.Generate(rules, ProjectGenerator.DefaultSeed);
        using var folder = WriteTo(project);
        var file = project.TrigFiles.First(f => f.Key.StartsWith("rules/", StringComparison.Ordinal)
            && !f.Key.StartsWith(ProjectGenerator.AnonymousFolder, StringComparison.Ordinal));
        var (path, text) = (file.Key, file.Value);
        var trigger = OnClause().Match(text);
        if (!trigger.Success)
        {
            throw new InvalidOperationException($"no `on` clause in {path}");
        }
        var eventName = trigger.Groups[1].Value;
        var broken = text.Remove(trigger.Groups[1].Index + eventName.Length) + "_typo" + text[(trigger.Groups[1].Index + eventName.Length)..];

        await using var client = await LspSession.StartAsync(folder, clientWatchesFiles: false);
        await client.Open(path, text);
        var clean = (await client.Diagnostics(path, _ => true)).Count;

        // Every change flips the file between its clean and its broken text, so every change publishes a new list.
        var changes = new List<double>();
        for (var i = 0; i < Warmup + iterations; i++)
        {
            var breaking = i % 2 == 0;
            var clock = Stopwatch.StartNew();
            await client.Change(path, breaking ? broken : text);
            await client.Diagnostics(path, d => d.Count > clean == breaking);
            changes.Add(clock.Elapsed.TotalMilliseconds);
        }
        var label = $"{project.TrigLineCount:N0} lines, {project.RuleCount} rules";
        Row("didChange → publishDiagnostics", label, changes.Skip(Warmup).ToList(), "≤ 50 ms (each)");

        // Completion at the end of a half-written rule appended to the same file (as a user typing at its end).
        (string Name, string Tail, string Expected)[] positions =
        [
            ("after `on `", $"rule bench_probe on ", eventName),
            ("after `where `", $"rule bench_probe on {eventName} where ", "user"),
            ("after `user.`", $"rule bench_probe on {eventName} where user.", ""),
            ("in a `send push {` block", $"rule bench_probe on {eventName} send push {{ ", "title"),
        ];
        var all = new List<double>();
        foreach (var (name, tail, expected) in positions)
        {
            var edited = text + "\n" + tail;
            await client.Change(path, text);
            await client.Diagnostics(path, d => d.Count == clean);
            await client.Change(path, edited);
            await client.Diagnostics(path, d => d.Count > clean);
            var at = new Position(edited.Count(c => c == '\n'), tail.Length);
            var times = new List<double>();
            for (var i = 0; i < Warmup + iterations; i++)
            {
                var clock = Stopwatch.StartNew();
                var list = await client.Request<CompletionList>("textDocument/completion", client.At(path, at));
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (list.Items.Count == 0 || (expected.Length > 0 && !list.Items.Any(item => item.Label == expected)))
                {
                    throw new InvalidOperationException($"completion {name}: {list.Items.Count} items, no `{expected}`");
                }
            }
            Row($"completion {name}", label, times.Skip(Warmup).ToList(), "");
            all.AddRange(times.Skip(Warmup));
        }
        Row("completion, all four", label, all, "p95 ≤ 20 ms");
    }

    private static async Task Memory(int rules)
    {
        var project = ProjectGenerator.Generate(rules, ProjectGenerator.DefaultSeed);
        using var folder = WriteTo(project);
        var path = project.TrigFiles.First(f => f.Key.StartsWith("rules/", StringComparison.Ordinal)).Key;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        await using var client = await LspSession.StartAsync(folder, clientWatchesFiles: false);
        await client.Open(path, project.Files[path]);
        await client.Diagnostics(path, _ => true);
        var first = clock.Elapsed.TotalMilliseconds;
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var label = $"{project.TrigLineCount:N0} lines, {project.RuleCount} rules";
        Console.WriteLine($"| initialize + didOpen → first diagnostics (first in the process: JIT included) | {label} | 1 | {first:F0} ms | | | |");
        Console.WriteLine($"| managed heap after first diagnostics (GC.GetTotalMemory(true)) | {label} | 1 | {Mb(heap)} (+{Mb(heap - before)} over the process before the server) | | | report |");
        Console.WriteLine($"| process working set | {label} | 1 | {Mb(process.WorkingSet64)} | | | report |");
    }

    private static void Row(string name, string project, List<double> values, string target) =>
        Console.WriteLine($"| {name} | {project} | {values.Count} | {Percentile(values, 0.5):F1} ms | {Percentile(values, 0.95):F1} ms | {values.Max():F1} ms | {target} |");

    private static double Percentile(List<double> values, double p) => values.Order().ElementAt((int)Math.Ceiling(p * values.Count) - 1);

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):F0} MB";

    private static bool IsDebug() =>
        typeof(LspBench).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false) is [DebuggableAttribute { IsJITOptimizerDisabled: true }];

    [GeneratedRegex(@"^\s*on (\w+)", RegexOptions.Multiline)]
    private static partial Regex OnClause();

    /// <summary>The project in a temporary workspace folder, removed on dispose.</summary>
    private static TempFolder WriteTo(GeneratedProject project)
    {
        var folder = new TempFolder();
        project.WriteTo(folder.Root);
        return folder;
    }
}
