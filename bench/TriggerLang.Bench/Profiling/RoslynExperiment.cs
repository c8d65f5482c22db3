using System.Diagnostics;
using System.Text.RegularExpressions;
using TriggerLang.Bench.Generation;
using TriggerLang.Compiler.Emit;

namespace TriggerLang.Bench.Profiling;

/// <summary>
/// <c>--roslyn-variants DIR</c>: how much of the Roslyn time the four dispatch switches of the generated <c>RulePack</c>
/// (<c>rule switch { 0 => R0Where(…), … }</c>, ~800 arms each for 1,000 rules) cost. Compiles the project's pack as
/// generated and with those switches' bodies replaced by their fallback, three rounds (the first is the process's cold
/// compile, so compare within the warm rounds).
/// </summary>
internal static class RoslynExperiment
{
    public static int Run(string directory)
    {
        var (sources, options) = ProjectCheck.Load(directory);
        var compilation = ProjectCheck.Compile(sources, options);
        _ = compilation.Diagnostics;
        var variants = new (string Name, Func<string, string> Rewrite)[]
        {
            ("as is", s => s),
            ("no Where dispatch", s => Strip(s, "Where(int rule,")),
            ("no UnlessWhere dispatch", s => Strip(s, "UnlessWhere(")),
            ("no dispatch at all", s => Strip(Strip(Strip(Strip(s, "UnlessWhere("), "GoalWhere("), "Audience("), "Where(int rule,")),
        };
        foreach (var round in new[] { "cold", "warm", "warm2" })
        {
            foreach (var (name, rewrite) in variants)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var build = RulePackCompiler.Compile(compilation, rewrite);
                Console.WriteLine($"{round} {name}: {clock.ElapsedMilliseconds} ms (cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0}), ok={build.Succeeded}, source {build.Source.Length / 1024} KB");
            }
        }
        return 0;
    }

    private static string Strip(string source, string signature)
    {
        var start = source.IndexOf("    public bool " + signature, StringComparison.Ordinal);
        if (start < 0)
        {
            start = source.IndexOf("    public string? " + signature, StringComparison.Ordinal);
        }
        var arrow = source.IndexOf(") => ", start, StringComparison.Ordinal) + 5;
        var end = source.IndexOf("\n    };\n", arrow, StringComparison.Ordinal) + "\n    };\n".Length;
        var fallback = signature.StartsWith("Audience", StringComparison.Ordinal) ? "null" : "true";
        return source[..arrow] + fallback + ";\n" + source[end..];
    }
}
