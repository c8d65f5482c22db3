using BenchmarkDotNet.Running;
using TriggerLang.Bench;
using TriggerLang.Bench.Benchmarks;

// `--generate DIR [--rules N] [--seed S]`: write (and self-check) the project only.
// `--phases [--rules N] [--iterations K] [--one-file]`: Stopwatch breakdown of the front end's phases.
// Anything else goes to BenchmarkDotNet (e.g. `--filter '*'`).
if (args is ["--generate", ..] or ["--phases", ..])
{
    return BenchCommands.Run(args);
}
BenchmarkSwitcher.FromAssembly(typeof(CompilerBenchmarks).Assembly).Run(args);
return 0;
