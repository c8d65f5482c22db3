using System.Diagnostics;
using Microsoft.CodeAnalysis.CSharp;
using TriggerLang.Bench.Generation;
using TriggerLang.Compiler.Emit;

namespace TriggerLang.Bench.Profiling;

/// <summary>
/// <c>--roslyn-variants DIR</c>: where the back end's time goes, in one process, three rounds (the first is the
/// process's cold compile, so compare within the warm rounds): the whole <c>RulePackCompiler.Compile</c> (emit C#,
/// parse the units in parallel, Roslyn, metadata audit); the same with nullable warnings on (the flow analysis the build
/// skips); the same source as one syntax tree instead of one per unit of rules; the emitter alone; the metadata audit alone.
/// </summary>
internal static class RoslynExperiment
{
    public static int Run(string directory)
    {
        var (sources, options) = ProjectCheck.Load(directory);
        var compilation = ProjectCheck.Compile(sources, options);
        _ = compilation.Diagnostics;
        byte[] assembly = [];
        var variants = new (string Name, Func<string> Run)[]
        {
            ("compile as generated", () =>
            {
                var build = RulePackCompiler.Compile(compilation);
                assembly = build.Assembly ?? throw new InvalidOperationException("the pack does not compile");
                return $"{build.Source.Length / 1024} KB of C#";
            }),
            ("compile with nullable warnings", () =>
            {
                // What the flow analysis that the build skips (`#nullable enable annotations`) would cost.
                var build = RulePackCompiler.Compile(compilation, s => s.Replace("#nullable enable annotations\n", "#nullable enable\n", StringComparison.Ordinal));
                return $"ok={build.Succeeded}";
            }),
            ("compile as one syntax tree", () =>
            {
                var generated = RulePackCompiler.Generate(compilation);
                var tree = CSharpSyntaxTree.ParseText(generated.Source, new CSharpParseOptions(LanguageVersion.Latest), path: "RulePack.g.cs");
                using var stream = new MemoryStream();
                var ok = generated.CSharp.RemoveAllSyntaxTrees().AddSyntaxTrees(tree).Emit(stream).Success;
                return $"ok={ok}, units before: {generated.CSharp.SyntaxTrees.Length}";
            }),
            ("emit C# only", () => $"{RulePackCompiler.Generate(compilation).Source.Length / 1024} KB"),
            ("metadata audit only", () => $"{PackAudit.Violations(assembly).Count} violations"),
        };
        foreach (var round in new[] { "cold", "warm", "warm2" })
        {
            foreach (var (name, run) in variants)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var result = run();
                Console.WriteLine($"{round} {name}: {clock.Elapsed.TotalMilliseconds:F1} ms (cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0}), {result}");
            }
        }
        return 0;
    }
}
