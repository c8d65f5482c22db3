namespace TriggerLang.Compiler.TypeSystem;

/// <summary>A built-in function: its name, how it reads (for messages, hovers and signature help) and its arity.</summary>
public sealed record FunctionSymbol(string Name, string Signature, string Description, int MinArguments, int MaxArguments);
