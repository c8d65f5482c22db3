using Microsoft.CodeAnalysis;
using TriggerLang.Compiler.Emit;

namespace TriggerLang.Compiler.Tests.Emit;

/// <summary>
/// What generated code may reference: symbols of the allowed assemblies, of
/// the evaluation API, of a few framework value types and of the generated
/// types (a <c>Utf8JsonReader</c> only passed on to the evaluation API); and what it may call: the evaluation API, <c>JsonElement.TryGetProperty</c>,
/// the <c>TimeSpan</c> and <c>ArgumentOutOfRangeException</c> constructors,
/// <c>DateTimeOffset</c>, and its own methods.
/// </summary>
internal static class SymbolAllowList
{
    private const string Evaluation = "TriggerLang.Evaluation";

    /// <summary>Full metadata-like names: <c>System.String</c>, not <c>string</c>; <c>System.Nullable&lt;T&gt;</c>, not <c>T?</c>.</summary>
    private static readonly SymbolDisplayFormat FullName = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.ExpandNullable);

    /// <summary>Types whose members generated code may use; invocation is restricted further by <see cref="MayCall"/>.</summary>
    private static readonly HashSet<string> FrameworkTypes =
    [
        "System.Text.Json.JsonElement", "System.Text.Json.Utf8JsonReader", "System.DateTimeOffset", "System.TimeSpan", "System.ArgumentOutOfRangeException",
        "System.Nullable<T>", "System.Decimal", "System.Boolean", "System.String", "System.Int32", "System.Int64", "System.Object", "System.Void",
    ];

    private static readonly HashSet<string> EvaluationTypes =
        [$"{Evaluation}.TrigOps", $"{Evaluation}.TrigJson", $"{Evaluation}.TrigJsonUtf8", $"{Evaluation}.TrigJsonUtf8.Reader<T>",
         $"{Evaluation}.PropertyNames", $"{Evaluation}.EventRecord", $"{Evaluation}.UserRecord", $"{Evaluation}.IRuleEvaluators",
         $"{Evaluation}.CompiledRule", $"{Evaluation}.CompiledRulePack"];

    public static bool IsGenerated(ISymbol symbol) => symbol.ContainingNamespace?.ToDisplayString() == GeneratedNames.Namespace
        || symbol is INamespaceSymbol { Name: "Generated", ContainingNamespace.Name: "TriggerLang" };

    public static bool InAllowedAssembly(ISymbol symbol, IAssemblySymbol generated) =>
        symbol.ContainingAssembly is not { } assembly
        || SymbolEqualityComparer.Default.Equals(assembly, generated)
        || RulePackCompiler.AllowedAssemblies.Contains(assembly.Identity.Name);

    /// <summary>Whether a type may be named or have its members used.</summary>
    public static bool MayUse(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => MayUse(array.ElementType),
        INamedTypeSymbol named => IsGenerated(named)
            || EvaluationTypes.Contains(Name(named))
            || FrameworkTypes.Contains(Name(named))
            || named.TypeArguments.Length > 0 && MayUse(named.OriginalDefinition) && named.TypeArguments.All(MayUse),
        ITypeParameterSymbol => true,
        _ => false,
    };

    private static string Name(INamedTypeSymbol type) => type.OriginalDefinition.ToDisplayString(FullName);

    /// <summary>Whether generated code may call the method.</summary>
    public static bool MayCall(IMethodSymbol method)
    {
        var type = Name(method.ContainingType);
        return method.MethodKind switch
        {
            MethodKind.AnonymousFunction or MethodKind.BuiltinOperator => true,
            _ when IsGenerated(method.ContainingType) => true,
            _ when EvaluationTypes.Contains(type) => true,
            MethodKind.Constructor => type is "System.TimeSpan" or "System.ArgumentOutOfRangeException",
            _ => type == "System.DateTimeOffset" || type == "System.Text.Json.JsonElement" && method.Name == "TryGetProperty",
        };
    }
}
