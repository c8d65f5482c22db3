using Microsoft.CodeAnalysis.CSharp;

namespace TriggerLang.Compiler.Emit;

/// <summary>A rule pack's generated source, its emitter (for the rule line map) and its Roslyn compilation, before emit.</summary>
internal sealed record GeneratedRulePack(string Source, CSharpEmitter Emitter, CSharpCompilation CSharp);
