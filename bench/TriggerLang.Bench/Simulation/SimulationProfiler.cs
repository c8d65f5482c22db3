using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using TriggerLang.Bench.Generation;
using TriggerLang.Compiler.Packs;
using TriggerLang.Engine;
using TriggerLang.Engine.Decision;
using TriggerLang.Engine.Records;
using TriggerLang.Engine.Rendering;
using TriggerLang.Evaluation;

namespace TriggerLang.Bench.Simulation;

/// <summary>
/// <c>--simulate-parts DIR INPUT [--iterations K]</c>: where the time of <c>trig simulate</c> goes, in
/// process, one part at a time, in CPU time (the machine is shared): parsing the JSON Lines into records, the simulation
/// (deciding and rendering), rendering alone (the sent outcomes' templates rendered again), and
/// writing the outcomes as JSON Lines to a null stream. Each part runs <c>K</c> times (the first is
/// the cold one, JIT included); the table shows the first run and the best of the others, and what the last run
/// allocated and collected: unlike time, those do not move with the machine's load.
/// </summary>
public static class SimulationProfiler
{
    public static int Run(string directory, string input, int iterations, TextWriter output)
    {
        var (sources, options) = ProjectCheck.Load(directory);
        var compilation = ProjectCheck.Compile(sources, options);
        if (compilation.HasErrors)
        {
            throw new InvalidOperationException($"{directory} has errors: {compilation.Diagnostics.First()}");
        }
        var cached = new RulePackCache().LoadOrCompile(compilation);
        using var project = new RuleProject(compilation, cached.Pack ?? throw new InvalidOperationException("no pack"), RenderLimits.Default);
        var parser = new RecordParser(project.Evaluators, compilation.Model.Schema);

        List<InputRecord> records = [];
        var parse = Time(iterations, () =>
        {
            records = [];
            using var reader = File.OpenRead(input);
            records.AddRange(RecordsOf(JsonLinesReader.Read(reader, input, parser)));
        });
        var events = records.Count(r => r is EventInput);
        // As `trig simulate` reads: each record dropped once read, so the GC does not carry them all.
        var read = Time(iterations, () =>
        {
            using var reader = File.OpenRead(input);
            foreach (var record in RecordsOf(JsonLinesReader.Read(reader, input, parser)))
            {
                GC.KeepAlive(record);
            }
        });

        // As `trig simulate` runs: each outcome handed on as soon as it is final, and dropped. A run that holds every
        // outcome to the end (below, for the parts after) keeps them all alive through the GC, which costs it a fifth more.
        var emitted = 0L;
        var simulate = Time(iterations, () => project.CreateSimulator().Run(records, emit: _ => emitted++));
        var result = project.CreateSimulator().Run(records);
        if (emitted != (long)result.Outcomes.Count * iterations)
        {
            throw new InvalidOperationException($"the emitting runs gave {emitted} outcomes, {iterations} times {result.Outcomes.Count} expected");
        }

        // The whole of `trig simulate` but start-up, as it runs: records read as the simulation goes, outcomes written as
        // they are final (to a null stream). Against the parts' sum, what running them interleaved costs.
        var streamed = Time(iterations, () =>
        {
            using var reader = File.OpenRead(input);
            using var writer = OutcomeJson.To(Stream.Null, explain: false);
            var run = project.CreateSimulator().Start(emit: writer.Write);
            foreach (var record in RecordsOf(UntimedFirstReader.Read(reader, input, parser)))
            {
                run.Add(record);
            }
            run.Finish();
        });

        var renders = RenderCalls(project, records, result);
        var render = Time(iterations, () =>
        {
            foreach (var (rule, send, scope) in renders)
            {
                project.Renderer.Render(rule, send, scope);
            }
        });

        var writeText = Time(iterations, () =>
        {
            using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 16);
            foreach (var outcome in result.Outcomes)
            {
                OutcomeJson.Write(writer, outcome, explain: false);
            }
        });
        var writeBytes = Time(iterations, () =>
        {
            using var writer = OutcomeJson.To(Stream.Null, explain: false);
            foreach (var outcome in result.Outcomes)
            {
                writer.Write(outcome);
            }
        });

        var sent = result.Outcomes.Count(o => o.Status == OutcomeStatus.Sent);
        output.WriteLine($"{records.Count:N0} records ({events:N0} events), {result.Outcomes.Count:N0} outcomes ({sent:N0} sent, "
            + $"{renders.Count:N0} re-rendered: the non-digest ones), {result.Conversions.Count:N0} conversions, {iterations} iterations");
        output.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        // trig runs without background GC (cli/TriggerLang.Cli.csproj); with it, the core spent three times as long in
        // GC pauses (2.2 s against 0.7 s of 5.7 s, 2026-12-07), so a figure measured with it is not the shipped core's.
        output.WriteLine(GCSettings.LatencyMode == GCLatencyMode.Batch
            ? "GC: non-concurrent, as trig runs"
            : "GC: background, which trig does not use: DOTNET_gcConcurrent=0 measures the core as trig runs it");
        output.WriteLine("| part | first run, CPU (s) | best warm, CPU (s) | events/s (best warm) | allocated per event | gen0 / gen1 / gen2 collections | promoted per event | GC pauses (s) |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        void Row(string name, PartTime t) =>
            output.WriteLine($"| {name} | {t.First.ToString("F3", CultureInfo.InvariantCulture)} | {t.Best.ToString("F3", CultureInfo.InvariantCulture)} | "
                + $"{(events / t.Best).ToString("N0", CultureInfo.InvariantCulture)} | "
                + (t.Allocated is { } bytes ? $"{(bytes / (double)events).ToString("N0", CultureInfo.InvariantCulture)} B | {t.Collections} | "
                    + $"{(t.Promoted.GetValueOrDefault() / (double)events).ToString("N0", CultureInfo.InvariantCulture)} B | "
                    + $"{t.Paused.GetValueOrDefault().ToString("F3", CultureInfo.InvariantCulture)} |" : "| | | |"));
        Row("parse JSON Lines → records", parse);
        Row("parse JSON Lines, each record dropped", read);
        Row("simulate (decide + render), outcomes emitted", simulate);
        Row($"render alone ({renders.Count:N0} sends)", render);
        Row("simulate minus render ≈ decide", new PartTime(simulate.First - render.First, simulate.Best - render.Best, null, null));
        Row("write outcomes, a TextWriter per line (null stream)", writeText);
        Row("write outcomes, OutcomeJson.To (null stream)", writeBytes);
        Row("read, simulate and write, streamed as trig runs (null stream)", streamed);
        return 0;
    }

    /// <summary>The records of the lines read; the benchmark's input has no bad line, so one stops the bench.</summary>
    private static IEnumerable<InputRecord> RecordsOf(IEnumerable<ReadResult> lines) =>
        lines.Select(line => line.Record ?? throw new InvalidOperationException(line.ToString()));

    /// <summary>
    /// A part's CPU seconds (first run, best of the rest), and the bytes allocated, the collections (gen0/gen1/gen2), the
    /// bytes the GC promoted and the seconds it paused the program in its last run.
    /// </summary>
    private sealed record PartTime(double First, double Best, long? Allocated, string? Collections, long? Promoted = null, double? Paused = null);

    // One listener for the whole run; it counts from its first collection on, so it is lined up with the runtime's count.
    private static readonly Lazy<(PromotedBytes Listener, int Offset)> Promotion = new(() =>
    {
        var listener = new PromotedBytes();
        GC.Collect();
        if (!listener.WaitFor(1, TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException("the runtime's GC events did not arrive");
        }
        return (listener, GC.CollectionCount(0) - listener.Collections);
    });

    /// <summary>The bytes promoted by every collection so far, once their events have arrived.</summary>
    private static long PromotedSoFar()
    {
        var (listener, offset) = Promotion.Value;
        if (!listener.WaitFor(GC.CollectionCount(0) - offset, TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException("the runtime's GC events stopped arriving");
        }
        return listener.Bytes;
    }

    /// <summary>Runs <paramref name="part"/> <paramref name="iterations"/> times after a full GC.</summary>
    private static PartTime Time(int iterations, Action part)
    {
        var first = 0.0;
        var best = double.MaxValue;
        var allocated = 0L;
        var collections = "";
        var paused = 0.0;
        var promoted = 0L;
        for (var i = 0; i < iterations; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var promotedBefore = PromotedSoFar();
            // CPU time of the process, not wall time: the machine is shared, and the parts are single-threaded.
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            int[] collectedBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var pausedBefore = GC.GetTotalPauseDuration();
            part();
            paused = (GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds;
            var seconds = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            collections = string.Join(" / ", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectedBefore[g]));
            promoted = PromotedSoFar() - promotedBefore;
            if (i == 0)
            {
                first = seconds;
            }
            else
            {
                best = Math.Min(best, seconds);
            }
        }
        return new PartTime(first, iterations == 1 ? first : best, allocated, collections, promoted, paused);
    }

    /// <summary>
    /// The render calls of the non-digest sent outcomes, rebuilt: the trigger from its id, the profile
    /// as the input's untimed user records leave it (the generated input has no timed ones), the
    /// channel's fields. Digests are left out: their batches are not in the outcome.
    /// </summary>
    private static List<(Compiler.Semantics.BoundRule, Compiler.Semantics.BoundSend, RenderScope)> RenderCalls(
        RuleProject project, List<InputRecord> records, Engine.Simulation.SimulationResult result)
    {
        var state = new MemoryState(project.Evaluators.NewUser, project.Rules);
        var engine = new DecisionEngine(project.Rules, project.Evaluators, state, project.Renderer);
        var events = new Dictionary<string, EventRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            switch (record)
            {
                case UserInput user:
                    engine.Apply(user);
                    break;
                case EventInput e:
                    events[e.Event.Id] = e.Event;
                    break;
            }
        }
        var rules = project.Compilation.Model.Rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var calls = new List<(Compiler.Semantics.BoundRule, Compiler.Semantics.BoundSend, RenderScope)>();
        foreach (var outcome in result.Outcomes)
        {
            if (outcome.Status != OutcomeStatus.Sent || !events.TryGetValue(outcome.Trigger, out var trigger))
            {
                continue;
            }
            var rule = rules[outcome.Rule];
            if (rule.Digest is not null)
            {
                continue;
            }
            var send = rule.Sends.First(s => s.Channel.Name == outcome.Channel);
            calls.Add((rule, send, new RenderScope(state.Profile(outcome.User).User, trigger, null, null)));
        }
        return calls;
    }
}
