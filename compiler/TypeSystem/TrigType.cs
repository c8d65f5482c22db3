namespace TriggerLang.Compiler.TypeSystem;

public enum TypeKind
{
    String,
    Int,
    Decimal,
    Money,
    Bool,
    Timestamp,
    Duration,
    User,
    List,
    /// <summary>The type of the literal <c>null</c>.</summary>
    Null,
    /// <summary>The type of an expression that already has an error: never reported again.</summary>
    Error,
}

/// <summary>
/// A value type of the language (LANGUAGE.md §2). <c>money</c> is a decimal
/// that keeps its name for messages and hovers. <see cref="IsOptional"/>
/// means the value may be absent.
/// </summary>
public sealed record TrigType(TypeKind Kind, TrigType? Element = null, bool IsOptional = false)
{
    public static readonly TrigType String = new(TypeKind.String);
    public static readonly TrigType Int = new(TypeKind.Int);
    public static readonly TrigType Decimal = new(TypeKind.Decimal);
    public static readonly TrigType Money = new(TypeKind.Money);
    public static readonly TrigType Bool = new(TypeKind.Bool);
    public static readonly TrigType Timestamp = new(TypeKind.Timestamp);
    public static readonly TrigType Duration = new(TypeKind.Duration);
    public static readonly TrigType User = new(TypeKind.User);
    public static readonly TrigType Null = new(TypeKind.Null, IsOptional: true);
    public static readonly TrigType Error = new(TypeKind.Error);

    public static TrigType ListOf(TrigType element) => new(TypeKind.List, element);

    public bool IsError => Kind == TypeKind.Error || Element?.IsError == true;

    public bool IsNumeric => Kind is TypeKind.Int or TypeKind.Decimal or TypeKind.Money;

    public TrigType AsOptional() => IsOptional ? this : this with { IsOptional = true };

    public TrigType AsRequired() => IsOptional ? this with { IsOptional = false } : this;

    /// <summary>The scalar names a user can write in a declaration.</summary>
    public static IReadOnlyDictionary<string, TrigType> Named { get; } = new Dictionary<string, TrigType>(StringComparer.Ordinal)
    {
        ["string"] = String,
        ["int"] = Int,
        ["decimal"] = Decimal,
        ["money"] = Money,
        ["bool"] = Bool,
        ["timestamp"] = Timestamp,
        ["duration"] = Duration,
        ["user"] = User,
    };

    public override string ToString()
    {
        var name = Kind switch
        {
            TypeKind.List => $"list<{Element}>",
            TypeKind.Null => "null",
            TypeKind.Error => "?",
            _ => Kind.ToString().ToLowerInvariant(),
        };
        return IsOptional && Kind != TypeKind.Null ? name + "?" : name;
    }
}
