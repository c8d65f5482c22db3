using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Semantics;

/// <summary>An event type: declared in the project, or built in (message_sent, message_opened, message_clicked).</summary>
public sealed class EventSymbol(string name, Location? declaration, IReadOnlyList<FieldSymbol> fields)
{
    private readonly Dictionary<string, FieldSymbol> _byName = fields
        .GroupBy(f => f.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public string Name { get; } = name;

    public Location? Declaration { get; } = declaration;

    public bool IsBuiltIn => Declaration is null;

    /// <summary>Fields in declaration order.</summary>
    public IReadOnlyList<FieldSymbol> Fields { get; } = fields;

    public FieldSymbol? Field(string name) => _byName.GetValueOrDefault(name);

    public override string ToString() => Name;
}
