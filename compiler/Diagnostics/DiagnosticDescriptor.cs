namespace TriggerLang.Compiler.Diagnostics;

/// <summary>The stable identity of a kind of diagnostic: its code, severity and a short title (used in SARIF rules).</summary>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title);
