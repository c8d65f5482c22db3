using TriggerLang.Compiler;
using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Emit;
using TriggerLang.Compiler.Packs;
using TriggerLang.Compiler.Project;
using TriggerLang.Engine.Decision;
using TriggerLang.Engine.Rendering;
using TriggerLang.Engine.Simulation;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine;

/// <summary>
/// A checked project with its loaded rule pack: everything a host needs to
/// decide (the rule book, the evaluators, the template renderer). Disposing it
/// unloads the pack.
/// </summary>
public sealed class RuleProject(Compilation compilation, LoadedRulePack pack, RenderLimits limits) : IDisposable
{
    public Compilation Compilation { get; } = compilation;

    public RuleBook Rules { get; } = new(compilation.Model);

    public IRuleEvaluators Evaluators => pack.Evaluators;

    public MessageRenderer Renderer { get; } = new(compilation.Model, limits);

    public Simulator CreateSimulator(bool explain = false) => new(Rules, Evaluators, Renderer, explain);

    /// <summary>Tests explain their outcomes: a failed expectation shows why the rule did what it did.</summary>
    public TestRunner CreateTestRunner() => new(CreateSimulator(explain: true), Evaluators);

    public void Dispose() => pack.Dispose();

    /// <summary>
    /// Loads, checks and compiles the project in <paramref name="directory"/> against <paramref name="channels"/>
    /// (the pack from the cache when the sources are unchanged), the way every host of rules does.
    /// </summary>
    public static RuleProjectLoad Open(string directory, ChannelCatalog channels, RenderLimits limits)
    {
        var sources = ProjectLoader.Load(directory);
        if (sources.Fatal is { } fatal)
        {
            return new RuleProjectLoad(null, [], fatal, RulesHaveErrors: false);
        }
        var compilation = Compilation.Create(sources.Files, CompilationOptions.Default with { Channels = channels, ProjectRoot = directory },
            sources.Diagnostics);
        if (compilation.HasErrors)
        {
            return new RuleProjectLoad(null, compilation.Diagnostics, null, RulesHaveErrors: true);
        }
        var cached = new RulePackCache().LoadOrCompile(compilation);
        return cached.Pack is { } pack
            ? new RuleProjectLoad(new RuleProject(compilation, pack, limits), compilation.Diagnostics, null, RulesHaveErrors: false)
            : new RuleProjectLoad(null, [.. compilation.Diagnostics, .. cached.Diagnostics], null, RulesHaveErrors: false);
    }
}

/// <summary>
/// What <see cref="RuleProject.Open"/> found: the project, or why not — <see cref="Fatal"/> when the folder cannot
/// be read, else errors among <see cref="Diagnostics"/> (which also holds the warnings of a project that loaded):
/// in the rules (<see cref="RulesHaveErrors"/>) or, a bug in trig, in generating their code.
/// </summary>
public sealed record RuleProjectLoad(RuleProject? Project, IReadOnlyList<Diagnostic> Diagnostics, Diagnostic? Fatal, bool RulesHaveErrors);
