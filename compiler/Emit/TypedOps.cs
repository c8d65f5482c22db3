using System.Text;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Emit;

/// <summary>
/// One generated name per overload of <c>TrigOps</c>: <c>Op.CompareNN(a, b)</c>
/// forwards to <c>TrigOps.Compare(decimal?, decimal?)</c>. The emitter knows
/// every operand's type, so a call site can name its overload instead of
/// leaving Roslyn to resolve it: overload resolution over <c>TrigOps</c>'s
/// overloads (for each candidate that does not fit, a search for user-defined
/// conversions into <c>decimal</c>, <c>DateTimeOffset</c>…) was about a fifth
/// of Roslyn's binding time (bench/README.md, Back end). The forwarders are
/// one call each, which the JIT inlines, and are resolved once per pack.
/// A call whose operand types are not in the table (a null or an empty list
/// on both sides) keeps the overloaded name.
/// </summary>
internal static class TypedOps
{
    /// <summary>Operand codes: N decimal, S string, B bool, T timestamp, D duration; a trailing L makes it a list.</summary>
    private static readonly (string Operation, string[] Operands, string Result)[] Overloads =
    [
        ("Negate", ["N"], "N"), ("Negate", ["D"], "D"),
        ("Add", ["N", "N"], "N"), ("Add", ["T", "D"], "T"), ("Add", ["D", "D"], "D"),
        ("Subtract", ["N", "N"], "N"), ("Subtract", ["T", "D"], "T"), ("Subtract", ["T", "T"], "D"), ("Subtract", ["D", "D"], "D"),
        .. Comparable("Equal", "bool", "N", "S", "B", "T", "D"),
        .. Comparable("NotEqual", "bool", "N", "S", "B", "T", "D"),
        .. Comparable("Compare", "int?", "N", "S", "T", "D"),
        ("In", ["S", "S"], "bool"), ("In", ["N", "NL"], "bool"), ("In", ["S", "SL"], "bool"), ("In", ["B", "BL"], "bool"),
        ("In", ["T", "TL"], "bool"), ("In", ["D", "DL"], "bool"),
        ("Len", ["S"], "N"),
        ("Abs", ["N"], "N"), ("Abs", ["D"], "D"),
        .. Comparable("Min", "", "N", "T", "D"),
        .. Comparable("Max", "", "N", "T", "D"),
    ];

    /// <summary>The forwarders' names (fixed: made from the table, never from rule text); their parameters are <c>a</c> and <c>b</c>.</summary>
    public static IReadOnlySet<string> ForwarderNames { get; } = Overloads.Select(o => Name(o.Operation, o.Operands)).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<(string, string[], string)> Comparable(string operation, string result, params string[] codes) =>
        codes.Select(c => (operation, new[] { c, c }, result == "" ? c : result));

    private static string Name(string operation, IEnumerable<string> operands) => operation + string.Concat(operands);

    /// <summary>
    /// The call of <paramref name="operation"/> on operands of these language types (after a null or empty list
    /// took the other side's type), through its forwarder when there is one, else through <c>TrigOps</c>.
    /// </summary>
    public static string Call(string operation, IReadOnlyList<TrigType> types, params string[] arguments)
    {
        var codes = types.Select(Code).ToArray();
        var name = codes.All(c => c is not null) ? Name(operation, codes!) : null;
        var method = name is not null && ForwarderNames.Contains(name)
            ? $"{GeneratedNames.TypedOpsClass}.{name}"
            : $"{GeneratedNames.OpsAlias}.{operation}";
        return $"{method}({string.Join(", ", arguments)})";
    }

    private static string? Code(TrigType type) => type.Kind switch
    {
        TypeKind.String or TypeKind.User => "S",
        TypeKind.Int or TypeKind.Decimal or TypeKind.Money => "N",
        TypeKind.Bool => "B",
        TypeKind.Timestamp => "T",
        TypeKind.Duration => "D",
        TypeKind.List when type.Element is { Kind: not (TypeKind.Null or TypeKind.List) } element => Code(element) + "L",
        _ => null,
    };

    /// <summary>The forwarders' class.</summary>
    public static void Emit(StringBuilder code)
    {
        code.Append("static class ").Append(GeneratedNames.TypedOpsClass).Append("\n{\n");
        foreach (var (operation, operands, result) in Overloads)
        {
            var parameters = operands.Select((o, i) => $"{CSharp(o)} {(char)('a' + i)}");
            var arguments = operands.Select((_, i) => ((char)('a' + i)).ToString());
            code.Append("    public static ").Append(result is "bool" or "int?" ? result : CSharp(result)).Append(' ')
                .Append(Name(operation, operands)).Append('(').AppendJoin(", ", parameters).Append(") => ")
                .Append(GeneratedNames.OpsAlias).Append('.').Append(operation).Append('(').AppendJoin(", ", arguments).Append(");\n");
        }
        code.Append("}\n\n");
    }

    private static string CSharp(string code) => code switch
    {
        [var element, 'L'] => CSharp(element.ToString())[..^1] + "?[]?",
        "N" => "decimal?",
        "S" => "string?",
        "B" => "bool?",
        "T" => "global::System.DateTimeOffset?",
        "D" => "global::System.TimeSpan?",
        _ => throw new InvalidOperationException($"no operand code {code}"),
    };
}
