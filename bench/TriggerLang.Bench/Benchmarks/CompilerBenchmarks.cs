using BenchmarkDotNet.Attributes;
using TriggerLang.Bench.Generation;
using TriggerLang.Compiler;
using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Project;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Bench.Benchmarks;

/// <summary>
/// The front end on the generated 1,000-rule project, warm and in process.
/// The files are read once in the setup: I/O is not measured (the cold
/// <c>trig check</c> measurement in cold-check.sh covers the whole process).
/// An operation takes 30–110 ms, so each iteration runs it several times
/// (at least 250 ms), as BenchmarkDotNet recommends for stable results.
/// </summary>
[MemoryDiagnoser]
[MinIterationTime(250)]
public class CompilerBenchmarks
{
    private string _directory = "";
    private ProjectSources _sources = null!;
    private CompilationOptions _options = null!;
    private SourceFile _oneFile = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"trig-bench-{Environment.ProcessId}");
        var project = ProjectGenerator.Generate();
        project.WriteTo(_directory);
        ProjectCheck.Verify(_directory, project.RuleCount);
        (_sources, _options) = ProjectCheck.Load(_directory);
        var oneFile = project.AsOneFile();
        _oneFile = new SourceFile(Path.Combine(_directory, "all.trig"), oneFile.TrigFiles.Single().Value);
        if (TrigParser.Parse(_oneFile) is { Diagnostics.IsEmpty: false } tree)
        {
            throw new InvalidOperationException($"the one-file project does not parse cleanly: {tree.Diagnostics[0]}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Lex, parse (SLL) and build the syntax tree of every .trig file.</summary>
    [Benchmark]
    public int Parse()
    {
        var items = 0;
        foreach (var file in _sources.Files)
        {
            items += TrigParser.Parse(file).Root.Items.Length;
        }
        return items;
    }

    /// <summary>The warm in-process target (≤ 300 ms): parse, bind and type-check the project, as <c>trig check</c> does.</summary>
    [Benchmark]
    public int ParseBindCheck() => ProjectCheck.Compile(_sources, _options).Diagnostics.Length;

    /// <summary>The schema and the 996 named rules as one big file (~19k lines): per-file overhead versus per-token cost.</summary>
    [Benchmark]
    public int ParseOnly_OneFile() => TrigParser.Parse(_oneFile).Root.Items.Length;
}
