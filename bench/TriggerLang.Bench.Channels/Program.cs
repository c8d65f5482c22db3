using BenchmarkDotNet.Running;
using TriggerLang.Bench.Channels;

// Arguments go to BenchmarkDotNet (e.g. `--filter '*'`).
BenchmarkSwitcher.FromAssembly(typeof(OutboxBenchmarks).Assembly).Run(args);
