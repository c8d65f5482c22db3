using TriggerLang.Compiler.Text;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Semantics;

/// <summary>A field of an event or an attribute of the user profile. <see cref="Declaration"/> is null for built-ins.</summary>
public sealed record FieldSymbol(string Name, TrigType Type, Location? Declaration)
{
    public bool IsBuiltIn => Declaration is null;
}
