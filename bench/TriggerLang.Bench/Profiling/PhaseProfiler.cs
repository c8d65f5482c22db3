using System.Diagnostics;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using TriggerLang.Bench.Generation;
using TriggerLang.Compiler;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Parsing.Generated;

namespace TriggerLang.Bench.Profiling;

/// <summary>
/// A Stopwatch breakdown of the front end, phase by phase, over the whole
/// project: read, lex, parse (ANTLR, SLL), build the syntax tree, bind and
/// check, with the bytes each phase allocates. The first iteration shows the
/// in-process cold cost (JIT, ANTLR's DFA cache, static initialisers); the
/// median and minimum of the rest, the warm cost. Diagnostic only: the phases
/// mirror <see cref="TrigParser.Parse"/> (without its trivia and nesting scans).
/// </summary>
internal static class PhaseProfiler
{
    private static readonly string[] Phases = ["read", "lex", "parse", "build tree", "bind+check", "sum", "Compilation (end to end)"];

    public static void Run(string directory, int iterations, TextWriter output)
    {
        var samples = Phases.ToDictionary(p => p, _ => new List<double>());
        var allocated = new Dictionary<string, double>();
        for (var i = 0; i < iterations; i++)
        {
            foreach (var (phase, ms, mb) in Once(directory))
            {
                samples[phase].Add(ms);
                allocated[phase] = mb;
            }
        }
        output.WriteLine($"{"phase",-26} {"first (ms)",11} {"median (ms)",12} {"min (ms)",9} {"alloc (MB)",11}");
        foreach (var phase in Phases)
        {
            var values = samples[phase];
            var warm = values.Skip(1).Order().ToList();
            var median = warm.Count == 0 ? values[0] : warm[warm.Count / 2];
            var min = warm.Count == 0 ? values[0] : warm[0];
            output.WriteLine($"{phase,-26} {values[0],11:F1} {median,12:F1} {min,9:F1} {allocated[phase],11:F1}");
        }
    }

    private static IEnumerable<(string Phase, double Ms, double Mb)> Once(string directory)
    {
        var clock = new PhaseClock();
        var (sources, options) = ProjectCheck.Load(directory);
        var read = clock.Lap();

        // File by file, as TrigParser.Parse does, so that each file's tokens and ANTLR tree die young (holding
        // them all would make the GC, not the front end, dominate the later phases).
        (double Ms, double Mb) lex = default, parse = default, build = default;
        foreach (var file in sources.Files)
        {
            var lexer = new TriggerLangLexer(new AntlrInputStream(file.Text));
            lexer.RemoveErrorListeners();
            var tokens = new CommonTokenStream(lexer);
            tokens.Fill();
            lex = Add(lex, clock.Lap());

            var parser = new TriggerLangParser(tokens) { ErrorHandler = new BailErrorStrategy() };
            parser.RemoveErrorListeners();
            parser.Interpreter.PredictionMode = PredictionMode.SLL;
            var context = parser.compilationUnit();
            parse = Add(parse, clock.Lap());

            new SyntaxTreeBuilder(file, new List<Diagnostic>(), []).BuildItems(context);
            build = Add(build, clock.Lap());
        }

        var trees = sources.Files.Select(TrigParser.Parse).ToList();
        clock.Lap();
        var bound = Compilation.Create(trees, options, sources.Diagnostics).Diagnostics;
        var bind = clock.Lap();

        var total = Compilation.Create(sources.Files, options, sources.Diagnostics).Diagnostics;
        var endToEnd = clock.Lap();
        if (!bound.IsEmpty || !total.IsEmpty)
        {
            throw new InvalidOperationException("the project has diagnostics");
        }
        var sum = Add(Add(Add(Add(read, lex), parse), build), bind);
        return [("read", read.Ms, read.Mb), ("lex", lex.Ms, lex.Mb), ("parse", parse.Ms, parse.Mb), ("build tree", build.Ms, build.Mb),
            ("bind+check", bind.Ms, bind.Mb), ("sum", sum.Ms, sum.Mb), ("Compilation (end to end)", endToEnd.Ms, endToEnd.Mb)];
    }

    private static (double Ms, double Mb) Add((double Ms, double Mb) a, (double Ms, double Mb) b) => (a.Ms + b.Ms, a.Mb + b.Mb);

    /// <summary>Elapsed time and bytes allocated on this thread since the previous lap.</summary>
    private sealed class PhaseClock
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private long _bytes = GC.GetAllocatedBytesForCurrentThread();

        public (double Ms, double Mb) Lap()
        {
            var ms = _watch.Elapsed.TotalMilliseconds;
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var mb = (bytes - _bytes) / (1024.0 * 1024.0);
            _bytes = bytes;
            _watch.Restart();
            return (ms, mb);
        }
    }
}
