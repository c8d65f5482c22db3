namespace TriggerLang.Compiler.TypeSystem;

/// <summary>Which types combine and compare (LANGUAGE.md §4 and §11: int and decimal promote, no implicit string/number conversion).</summary>
public static class TypeRules
{
    /// <summary>The common numeric type of two numbers: int when both are int, else decimal (money is a decimal).</summary>
    public static TypeKind PromoteNumeric(TrigType a, TrigType b) =>
        a.Kind == TypeKind.Int && b.Kind == TypeKind.Int ? TypeKind.Int
        : a.Kind == TypeKind.Money && b.Kind is TypeKind.Money or TypeKind.Int || b.Kind == TypeKind.Money && a.Kind == TypeKind.Int
            ? TypeKind.Money
            : TypeKind.Decimal;

    /// <summary>True when values of the two types can be compared with == and != .</summary>
    public static bool AreEquatable(TrigType a, TrigType b)
    {
        if (a.IsError || b.IsError || a.Kind == TypeKind.Null || b.Kind == TypeKind.Null)
        {
            return true;
        }
        if (a.IsNumeric && b.IsNumeric)
        {
            return true;
        }
        if (IsStringLike(a) && IsStringLike(b))
        {
            return true;
        }
        if (a.Kind == TypeKind.List && b.Kind == TypeKind.List)
        {
            // Lists compare element by element; lists of lists are not compared (no runtime operation exists for them).
            return a.Element!.Kind != TypeKind.List && b.Element!.Kind != TypeKind.List && AreEquatable(a.Element!, b.Element!);
        }
        return a.Kind == b.Kind;
    }

    /// <summary>True when values of the two types have an order (&lt; &lt;= &gt; &gt;=).</summary>
    public static bool AreOrdered(TrigType a, TrigType b) =>
        a.IsError || b.IsError
        || a.IsNumeric && b.IsNumeric
        || a.Kind == TypeKind.String && b.Kind == TypeKind.String
        || a.Kind == b.Kind && a.Kind is TypeKind.Timestamp or TypeKind.Duration;

    /// <summary>A user reference is its id string and compares equal to a string with that id (§11).</summary>
    public static bool IsStringLike(TrigType type) => type.Kind is TypeKind.String or TypeKind.User;

    /// <summary>Whether a value of type <paramref name="source"/> may be used where <paramref name="target"/> is expected.</summary>
    public static bool IsAssignable(TrigType source, TrigType target)
    {
        if (source.IsError || target.IsError)
        {
            return true;
        }
        if (source.Kind == TypeKind.Null)
        {
            return target.IsOptional;
        }
        if (target.IsNumeric && source.IsNumeric)
        {
            return target.Kind != TypeKind.Int || source.Kind == TypeKind.Int;
        }
        if (target.Kind == TypeKind.User && source.Kind == TypeKind.String)
        {
            return true;
        }
        if (target.Kind == TypeKind.List && source.Kind == TypeKind.List)
        {
            return IsAssignable(source.Element!, target.Element!);
        }
        return source.Kind == target.Kind;
    }

    /// <summary>The type two list elements share, or null when they have none.</summary>
    public static TrigType? Unify(TrigType a, TrigType b)
    {
        var optional = a.IsOptional || b.IsOptional;
        if (a.IsError || b.IsError)
        {
            return TrigType.Error;
        }
        if (a.Kind == TypeKind.Null)
        {
            return b.AsOptional();
        }
        if (b.Kind == TypeKind.Null)
        {
            return a.AsOptional();
        }
        if (a.IsNumeric && b.IsNumeric)
        {
            var kind = PromoteNumeric(a, b);
            return new TrigType(kind, IsOptional: optional);
        }
        if (IsStringLike(a) && IsStringLike(b))
        {
            return new TrigType(a.Kind == b.Kind ? a.Kind : TypeKind.String, IsOptional: optional);
        }
        return a.AsRequired() == b.AsRequired() ? a with { IsOptional = optional } : null;
    }
}
