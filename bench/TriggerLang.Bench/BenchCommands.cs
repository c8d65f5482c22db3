using System.Diagnostics;
using TriggerLang.Bench.Generation;
using TriggerLang.Bench.Profiling;

namespace TriggerLang.Bench;

/// <summary>The non-BenchmarkDotNet modes of the program: <c>--generate</c> and <c>--phases</c>.</summary>
internal static class BenchCommands
{
    public static int Run(string[] args)
    {
        try
        {
            var rules = IntOption(args, "--rules", ProjectGenerator.DefaultRules);
            var seed = IntOption(args, "--seed", ProjectGenerator.DefaultSeed);
            if (args[0] == "--generate")
            {
                if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException("--generate needs a folder");
                }
                Generate(args[1], rules, seed);
                return 0;
            }
            var directory = Path.Combine(Path.GetTempPath(), $"trig-phases-{Environment.ProcessId}");
            try
            {
                // No self-check compile first: the first iteration must be the process's first compilation (the
                // profiler fails on any diagnostic itself).
                Generate(directory, rules, seed, verify: false, oneFile: args.Contains("--one-file"));
                PhaseProfiler.Run(directory, IntOption(args, "--iterations", 20), Console.Out);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            Console.Error.WriteLine($"TriggerLang.Bench: {e.Message}");
            return 2;
        }
    }

    private static void Generate(string directory, int rules, int seed, bool verify = true, bool oneFile = false)
    {
        var clock = Stopwatch.StartNew();
        var project = ProjectGenerator.Generate(rules, seed);
        project = oneFile ? project.AsOneFile() : project;
        project.WriteTo(directory);
        if (verify)
        {
            ProjectCheck.Verify(directory, project.RuleCount);
        }
        Console.WriteLine($"{directory}: {project.RuleCount} rules, {project.TrigFiles.Count()} .trig files, "
            + $"{project.TrigLineCount} lines, {project.Files.Count - project.TrigFiles.Count()} templates"
            + $"{(verify ? "; no diagnostics" : "")} ({clock.ElapsedMilliseconds} ms)");
    }

    /// <summary>A positive whole-number option (<c>--rules 1000</c>), or <paramref name="fallback"/> when absent.</summary>
    public static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return fallback;
        }
        if (index + 1 >= args.Length || !int.TryParse(args[index + 1], out var value) || value < 1)
        {
            throw new ArgumentException($"{name} needs a positive number");
        }
        return value;
    }
}
