using System.Diagnostics;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using TriggerLang.Bench.Generation;
using TriggerLang.Compiler;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Parsing.Generated;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Bench.Profiling;

/// <summary>
/// A Stopwatch breakdown of the front end, phase by phase, over the whole
/// project: read, lex, parse (ANTLR, SLL), build the syntax tree, bind and
/// check. The first iteration shows the in-process cold cost (JIT, ANTLR's
/// DFA cache, static initialisers); the median of the rest is the warm cost.
/// Diagnostic only: the phases mirror <see cref="TrigParser.Parse"/>.
/// </summary>
internal static class PhaseProfiler
{
    private static readonly string[] Phases = ["read", "lex", "parse", "build tree", "bind+check", "sum", "Compilation (end to end)"];

    public static void Run(string directory, int iterations, TextWriter output)
    {
        var samples = Phases.ToDictionary(p => p, _ => new List<double>());
        for (var i = 0; i < iterations; i++)
        {
            foreach (var (phase, ms) in Once(directory))
            {
                samples[phase].Add(ms);
            }
        }
        output.WriteLine($"{"phase",-26} {"first (ms)",11} {"median (ms)",12} {"min (ms)",9}");
        foreach (var phase in Phases)
        {
            var values = samples[phase];
            var warm = values.Skip(1).Order().ToList();
            var median = warm.Count == 0 ? values[0] : warm[warm.Count / 2];
            var min = warm.Count == 0 ? values[0] : warm[0];
            output.WriteLine($"{phase,-26} {values[0],11:F1} {median,12:F1} {min,9:F1}");
        }
    }

    private static IEnumerable<(string Phase, double Ms)> Once(string directory)
    {
        var clock = Stopwatch.StartNew();
        var (sources, options) = ProjectCheck.Load(directory);
        var read = Lap(clock);

        var streams = new List<(SourceFile File, CommonTokenStream Tokens)>();
        foreach (var file in sources.Files)
        {
            var lexer = new TriggerLangLexer(new AntlrInputStream(file.Text));
            lexer.RemoveErrorListeners();
            var tokens = new CommonTokenStream(lexer);
            tokens.Fill();
            streams.Add((file, tokens));
        }
        var lex = Lap(clock);

        var contexts = new List<(SourceFile File, TriggerLangParser.CompilationUnitContext Context)>();
        foreach (var (file, tokens) in streams)
        {
            var parser = new TriggerLangParser(tokens) { ErrorHandler = new BailErrorStrategy() };
            parser.RemoveErrorListeners();
            parser.Interpreter.PredictionMode = PredictionMode.SLL;
            contexts.Add((file, parser.compilationUnit()));
        }
        var parse = Lap(clock);

        foreach (var (file, context) in contexts)
        {
            new SyntaxTreeBuilder(file, new List<Diagnostic>()).BuildItems(context);
        }
        var build = Lap(clock);

        var trees = sources.Files.Select(TrigParser.Parse).ToList();
        clock.Restart();
        var bound = Compilation.Create(trees, options, sources.Diagnostics).Diagnostics;
        var bind = Lap(clock);

        var total = Compilation.Create(sources.Files, options, sources.Diagnostics).Diagnostics;
        var endToEnd = Lap(clock);
        if (!bound.IsEmpty || !total.IsEmpty)
        {
            throw new InvalidOperationException("the project has diagnostics");
        }
        return [("read", read), ("lex", lex), ("parse", parse), ("build tree", build), ("bind+check", bind),
            ("sum", read + lex + parse + build + bind), ("Compilation (end to end)", endToEnd)];
    }

    private static double Lap(Stopwatch clock)
    {
        var ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return ms;
    }
}
