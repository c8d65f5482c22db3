using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using TriggerLang.Bench.Generation;
using TriggerLang.Compiler;
using TriggerLang.Compiler.Emit;
using TriggerLang.Compiler.Project;

namespace TriggerLang.Bench.Benchmarks;

/// <summary>
/// The back end, warm and in process, on generated projects of 1, 100 and 1,000 rules
/// (the same generator and seed as <see cref="CompilerBenchmarks"/>). The files are read
/// once in the setup. The cold, fresh-process figures come from <c>--compile-cold</c>
/// (bench/cold-compile.sh).
/// </summary>
[MemoryDiagnoser]
[MinIterationTime(250)]
public class BackEndCompileBenchmarks
{
    private string _directory = "";
    private ProjectSources _sources = null!;
    private CompilationOptions _options = null!;
    private byte[] _assembly = null!;
    private byte[][] _sourceBytes = null!;

    [Params(1, 100, 1000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"trig-bench-backend-{Environment.ProcessId}-{Rules}");
        var project = ProjectGenerator.Generate(Rules);
        project.WriteTo(_directory);
        ProjectCheck.Verify(_directory, project.RuleCount);
        (_sources, _options) = ProjectCheck.Load(_directory);
        var build = RulePackCompiler.Compile(ProjectCheck.Compile(_sources, _options));
        _assembly = build.Assembly ?? throw new InvalidOperationException($"the generated project does not compile to a pack: {build.Diagnostics[0]}");
        // What a source-hash cache would hash: every file the compilation reads (.trig and templates), as on disk.
        _sourceBytes = [.. Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Front end plus Roslyn: <c>Compilation.Create</c> (parse, bind, check) and <c>RulePackCompiler.Compile</c> (emit C#, Roslyn compile).</summary>
    [Benchmark]
    public int CheckAndCompile()
    {
        var compilation = ProjectCheck.Compile(_sources, _options);
        _ = compilation.Diagnostics;
        return RulePackCompiler.Compile(compilation).Assembly!.Length;
    }

    /// <summary>As <see cref="CheckAndCompile"/>, then load the assembly and create the evaluators: the whole "rules to callable pack" path.</summary>
    [Benchmark]
    public bool CheckCompileAndLoad()
    {
        var compilation = ProjectCheck.Compile(_sources, _options);
        _ = compilation.Diagnostics;
        using var pack = LoadedRulePack.Load(RulePackCompiler.Compile(compilation).Assembly!);
        return pack.Evaluators.NewEvent("x") is null;
    }

    /// <summary>Load only: bytes of an already-built pack → collectible context → evaluators.</summary>
    [Benchmark]
    public bool Load()
    {
        using var pack = LoadedRulePack.Load(_assembly);
        return pack.Evaluators.NewEvent("x") is null;
    }

    /// <summary>
    /// The proxy for a cache hit (RulePackCache is being written on another branch): SHA-256 over every source file's
    /// bytes, as a source-hash check would, plus <see cref="Load"/>. Reading the files and the cache file is not included.
    /// </summary>
    [Benchmark]
    public bool CachedLoad_HashAndLoad()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var bytes in _sourceBytes)
        {
            hash.AppendData(bytes);
        }
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        using var pack = LoadedRulePack.Load(_assembly);
        return pack.Evaluators.NewEvent(Encoding.ASCII.GetString(digest[..1])) is null;
    }
}
