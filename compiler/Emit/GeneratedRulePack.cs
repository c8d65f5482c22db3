using Microsoft.CodeAnalysis.CSharp;

namespace TriggerLang.Compiler.Emit;

/// <summary>
/// A rule pack's generated source (all units concatenated, as written to <c>RulePack.g.cs</c>) and its Roslyn
/// compilation (one syntax tree per unit), before emit.
/// </summary>
internal sealed record GeneratedRulePack(string Source, CSharpCompilation CSharp);
