using System.Diagnostics;
using System.Security.Cryptography;
using TriggerLang.Bench.Generation;
using TriggerLang.Compiler.Emit;

namespace TriggerLang.Bench.Profiling;

/// <summary>
/// The back end in a fresh process, one phase at a time (wall clock, Stopwatch):
/// <list type="bullet">
/// <item><c>--compile-cold DIR [--save PACK]</c>: load the project's files, check it, compile it to a pack, load the pack and
/// call one predicate. Any diagnostic is fatal. <c>--save</c> writes the assembly for <c>--load-cold</c>.</item>
/// <item><c>--load-cold DIR PACK</c>: the cache-hit path: read and SHA-256 the project's files (the proxy for RulePackCache's
/// source-hash check), read the pack's bytes, load it, call one predicate.</item>
/// </list>
/// bench/cold-compile.sh runs both many times for 1, 100 and 1,000 rules.
/// </summary>
internal static class ColdCompile
{
    public static int Run(string[] args, TextWriter output)
    {
        var total = Stopwatch.StartNew();
        var startup = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var phases = new List<(string Name, double Ms, double CpuMs)>();
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var cpuAtStart = cpu;
        // CPU time (all threads: JIT, GC, Roslyn) beside wall time: on a loaded machine wall time inflates, CPU time much less.
        void Phase(string name)
        {
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            phases.Add((name, clock.Elapsed.TotalMilliseconds, (now - cpu).TotalMilliseconds));
            cpu = now;
            clock.Restart();
        }

        if (args[0] == "--compile-cold")
        {
            var directory = args[1];
            var (sources, options) = ProjectCheck.Load(directory);
            Phase("load files");
            var compilation = ProjectCheck.Compile(sources, options);
            if (!compilation.Diagnostics.IsEmpty)
            {
                throw new InvalidOperationException($"{directory} has {compilation.Diagnostics.Length} diagnostic(s), first: {compilation.Diagnostics[0]}");
            }
            Phase("parse+bind+check");
            var build = RulePackCompiler.Compile(compilation);
            if (!build.Succeeded)
            {
                throw new InvalidOperationException($"the pack does not compile: {build.Diagnostics[0]}");
            }
            Phase("emit C# + Roslyn");
            using var pack = LoadedRulePack.Load(build.Assembly!);
            Phase("load pack");
            FirstCall(pack);
            Phase("first Where");
            EveryRule(pack, compilation.Model);
            Phase("Where of every rule");
            var save = Array.IndexOf(args, "--save");
            if (save > 0)
            {
                File.WriteAllBytes(args[save + 1], build.Assembly!);
            }
            output.Write($"compile-cold {compilation.Model.Rules.Length} rules, pack {build.Assembly!.Length / 1024} KB: ");
        }
        else
        {
            var directory = args[1];
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    hash.AppendData(File.ReadAllBytes(file));
                }
                _ = hash.GetHashAndReset();
            }
            Phase("read+SHA-256 sources");
            var bytes = File.ReadAllBytes(args[2]);
            Phase("read pack");
            using var pack = LoadedRulePack.Load(bytes);
            Phase("load pack");
            FirstCall(pack);
            Phase("first Where");
            output.Write($"load-cold pack {bytes.Length / 1024} KB: ");
        }
        output.WriteLine(string.Join(", ", phases.Select(p => $"{p.Name} {p.Ms:F0} ms (cpu {p.CpuMs:F0})"))
            + $"; in Main {total.Elapsed.TotalMilliseconds:F0} ms (cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalMilliseconds:F0});"
            + $" runtime start before Main ≈ {startup.TotalMilliseconds:F0} ms");
        return 0;
    }

    /// <summary>
    /// The first <c>Where</c> of every rule, on an empty record of its trigger: what JIT-compiling the whole pack costs
    /// (each rule's class is compiled on its first call; the engine pays this rule by rule as events arrive).
    /// </summary>
    private static void EveryRule(LoadedRulePack pack, TriggerLang.Compiler.Semantics.SemanticModel model)
    {
        var user = pack.Evaluators.NewUser("u1");
        for (var rule = 0; rule < model.Rules.Length; rule++)
        {
            _ = pack.Evaluators.Where(rule, pack.Evaluators.NewEvent(model.Rules[rule].Trigger!.Name)!, user, DateTimeOffset.UnixEpoch);
        }
    }

    /// <summary>Makes the first calls into the pack (records, dispatch). Empty records hold no data for a real predicate, so this calls the dispatch's fallback (a rule number past the end).</summary>
    private static void FirstCall(LoadedRulePack pack)
    {
        var user = pack.Evaluators.NewUser("u1");
        var record = pack.Evaluators.NewEvent("message_sent") ?? throw new InvalidOperationException("no message_sent event");
        _ = pack.Evaluators.Where(int.MaxValue, record, user, DateTimeOffset.UnixEpoch);
    }
}
