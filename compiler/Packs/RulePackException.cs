namespace TriggerLang.Compiler.Packs;

/// <summary>A rule pack that cannot be used: missing files, a damaged or foreign manifest, a tampered assembly, or other sources.</summary>
public sealed class RulePackException(string message, Exception? inner = null) : Exception(message, inner);
