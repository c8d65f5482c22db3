using TriggerLang.Compiler;
using TriggerLang.Compiler.Emit;
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
}
