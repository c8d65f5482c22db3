using TriggerLang.Compiler;
using TriggerLang.Compiler.Project;

namespace TriggerLang.Bench.Generation;

/// <summary>
/// Loads and compiles a project folder exactly as <c>trig check</c> does. The
/// self-check: a benchmark of a project with diagnostics measures the wrong
/// thing (error paths, suggestions), so any diagnostic at all is fatal.
/// </summary>
public static class ProjectCheck
{
    public static (ProjectSources Sources, CompilationOptions Options) Load(string directory)
    {
        var sources = ProjectLoader.Load(directory);
        if (sources.Fatal is not null)
        {
            throw new InvalidOperationException($"cannot load {directory}: {sources.Fatal}");
        }
        return (sources, CompilationOptions.Default with { ProjectRoot = directory });
    }

    public static Compilation Compile(ProjectSources sources, CompilationOptions options) =>
        Compilation.Create(sources.Files, options, sources.Diagnostics);

    /// <summary>Throws unless the folder compiles with no diagnostic and exactly <paramref name="expectedRules"/> rules.</summary>
    public static void Verify(string directory, int expectedRules)
    {
        var (sources, options) = Load(directory);
        var compilation = Compile(sources, options);
        if (!compilation.Diagnostics.IsEmpty)
        {
            var shown = compilation.Diagnostics.Take(20).Select(d => "  " + d);
            throw new InvalidOperationException(
                $"the generated project has {compilation.Diagnostics.Length} diagnostic(s); it must have none:\n{string.Join("\n", shown)}");
        }
        if (compilation.Model.Rules.Length != expectedRules)
        {
            throw new InvalidOperationException($"expected {expectedRules} rules, the compilation has {compilation.Model.Rules.Length}");
        }
    }
}
