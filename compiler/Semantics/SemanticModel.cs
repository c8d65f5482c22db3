using System.Collections.Immutable;

namespace TriggerLang.Compiler.Semantics;

/// <summary>
/// Everything the compiler knows of a project after binding: the schema,
/// settings, global limits, the rules (in execution order: files sorted by
/// path, rules in source order) and the tests.
/// </summary>
public sealed record SemanticModel(
    Schema Schema,
    ProjectSettings Settings,
    IReadOnlyList<GlobalLimit> Limits,
    ImmutableArray<BoundRule> Rules,
    ImmutableArray<BoundTest> Tests)
{
    public BoundRule? Rule(string name) => Rules.FirstOrDefault(r => r.Name == name);
}
