using BenchmarkDotNet.Running;
using TriggerLang.Bench;
using TriggerLang.Bench.Benchmarks;

// `--generate DIR [--rules N] [--seed S]`: write (and self-check) the project only.
// `--phases [--rules N] [--iterations K] [--one-file]`: Stopwatch breakdown of the front end's phases.
// `--compile-cold DIR [--save PACK]`, `--load-cold DIR PACK`: the back end in a fresh process, per phase (bench/cold-compile.sh).
// `--roslyn-variants DIR`: the back end's time by part (compile, one syntax tree instead of several, emitter, audit; cold, then warm).
// `--generate-simulation DIR [--events N] [--users N] [--seed S]`: the simulation benchmark's project (DIR/project) and input (DIR/input.jsonl).
// `--simulate-parts PROJECT INPUT [--iterations K]`: Stopwatch breakdown of `trig simulate` in process (parse, simulate, render, write).
// `--lsp [--rules N] [--big-rules N] [--iterations K]`: the language server in process (didChange → diagnostics, completion, memory).
// Anything else goes to BenchmarkDotNet (e.g. `--filter '*'`).
if (args is ["--generate", ..] or ["--phases", ..])
{
    return BenchCommands.Run(args);
}
if (args is ["--lsp", ..])
{
    return await TriggerLang.Bench.LanguageServer.LspBench.Run(args);
}
if (args is ["--generate-simulation", ..] or ["--simulate-parts", ..])
{
    return TriggerLang.Bench.Simulation.SimulationCommands.Run(args);
}
if (args is ["--compile-cold", _, ..] or ["--load-cold", _, _, ..])
{
    return TriggerLang.Bench.Profiling.ColdCompile.Run(args, Console.Out);
}
if (args is ["--roslyn-variants", var project])
{
    return TriggerLang.Bench.Profiling.RoslynExperiment.Run(project);
}
BenchmarkSwitcher.FromAssembly(typeof(CompilerBenchmarks).Assembly).Run(args);
return 0;
