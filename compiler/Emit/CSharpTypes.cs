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

    /// <summary>The <c>TrigJson</c> reader for a field of this type, as a method group usable for list elements too.</summary>
    public static string JsonReader(TrigType type) => type.Kind switch
    {
        TypeKind.String or TypeKind.User => "Ev.TrigJson.String",
        TypeKind.Int => "Ev.TrigJson.Integer",
        TypeKind.Decimal or TypeKind.Money => "Ev.TrigJson.Number",
        TypeKind.Bool => "Ev.TrigJson.Bool",
        TypeKind.Timestamp => "Ev.TrigJson.Timestamp",
        TypeKind.Duration => "Ev.TrigJson.Duration",
        _ => throw new InvalidOperationException($"no JSON reader for {type}"),
    };
}
