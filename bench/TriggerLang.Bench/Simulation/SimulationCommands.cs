using System.Diagnostics;
using TriggerLang.Bench.Generation;

namespace TriggerLang.Bench.Simulation;

/// <summary>The simulation benchmark's modes: <c>--generate-simulation</c> and <c>--simulate-parts</c> (bench/simulate.sh).</summary>
internal static class SimulationCommands
{
    public static int Run(string[] args)
    {
        try
        {
            if (args[0] == "--generate-simulation")
            {
                if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException("--generate-simulation needs a folder");
                }
                Generate(args[1], BenchCommands.IntOption(args, "--events", SimulationGenerator.DefaultEvents),
                    BenchCommands.IntOption(args, "--users", SimulationGenerator.DefaultUsers), BenchCommands.IntOption(args, "--seed", SimulationGenerator.DefaultSeed));
                return 0;
            }
            if (args.Length < 3)
            {
                throw new ArgumentException("--simulate-parts needs a project folder and an input file");
            }
            return SimulationProfiler.Run(args[1], args[2], BenchCommands.IntOption(args, "--iterations", 3), Console.Out);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            Console.Error.WriteLine($"TriggerLang.Bench: {e.Message}");
            return 2;
        }
    }

    private static void Generate(string directory, int events, int users, int seed)
    {
        var clock = Stopwatch.StartNew();
        var project = SimulationGenerator.GenerateProject(seed);
        var projectDirectory = Path.Combine(directory, "project");
        project.WriteTo(projectDirectory);
        ProjectCheck.Verify(projectDirectory, project.RuleCount);
        var input = Path.Combine(directory, "input.jsonl");
        SimulationGenerator.WriteInput(input, events, users, seed);
        Console.WriteLine($"{projectDirectory}: {project.RuleCount} rules, no diagnostics; {input}: {users:N0} users, {events:N0} events, "
            + $"{new FileInfo(input).Length / (1024.0 * 1024):F0} MB ({clock.ElapsedMilliseconds} ms)");
    }
}
