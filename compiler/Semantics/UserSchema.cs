using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Semantics;

/// <summary>The recipient profile: built-in attributes plus those declared in <c>user { … }</c> blocks.</summary>
public sealed class UserSchema(IReadOnlyList<FieldSymbol> declared)
{
    public static IReadOnlyList<FieldSymbol> BuiltIns { get; } =
    [
        new("id", TrigType.String, null),
        new("timezone", TrigType.String.AsOptional(), null),
        new("email", TrigType.String.AsOptional(), null),
        new("phone", TrigType.String.AsOptional(), null),
        new("push_token", TrigType.String.AsOptional(), null),
    ];

    private readonly Dictionary<string, FieldSymbol> _byName = BuiltIns.Concat(declared)
        .GroupBy(f => f.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>All attributes, built-ins first.</summary>
    public IReadOnlyList<FieldSymbol> Attributes { get; } = [.. BuiltIns, .. declared];

    public FieldSymbol? Attribute(string name) => _byName.GetValueOrDefault(name);
}
