using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Emit;

/// <summary>
/// How language types are represented in generated code. Every value is
/// nullable, null meaning absent, so that one set of operations in
/// <c>TrigOps</c> serves required and optional values alike without boxing.
/// </summary>
internal static class CSharpTypes
{
    public static string Of(TrigType type) => type.Kind switch
    {
        TypeKind.String or TypeKind.User => "string?",
        TypeKind.Int or TypeKind.Decimal or TypeKind.Money => "decimal?",
        TypeKind.Bool => "bool?",
        TypeKind.Timestamp => "global::System.DateTimeOffset?",
        TypeKind.Duration => "global::System.TimeSpan?",
        TypeKind.List => Of(type.Element!.Kind == TypeKind.Null ? TrigType.String : type.Element!) + "[]?",
        _ => throw new InvalidOperationException($"no C# type for {type}"),
    };

    /// <summary>
    /// The reader of a value of this type, by its method name, which is the same in <c>TrigJson</c> (over a
    /// <c>JsonElement</c>) and in <c>TrigJsonUtf8</c> (its fast path over a <c>Utf8JsonReader</c>); usable as a method
    /// group for list elements too.
    /// </summary>
    public static string JsonReader(TrigType type) => type.Kind switch
    {
        TypeKind.String or TypeKind.User => "String",
        TypeKind.Int => "Integer",
        TypeKind.Decimal or TypeKind.Money => "Number",
        TypeKind.Bool => "Bool",
        TypeKind.Timestamp => "Timestamp",
        TypeKind.Duration => "Duration",
        _ => throw new InvalidOperationException($"no JSON reader for {type}"),
    };
}
