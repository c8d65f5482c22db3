using System.Text;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Emit;

/// <summary>
/// One generated name per overload of <c>TrigOps</c>: <c>Op.AddNN(a, b)</c>
/// forwards to <c>TrigOps.Add(decimal?, decimal?)</c>, <c>Op.GreaterNN(a, b)</c>
/// to <c>TrigOps.Greater(TrigOps.Compare(decimal?, decimal?))</c>. The emitter knows
/// every operand's type, so a call site can name its overload instead of
/// leaving Roslyn to resolve it: overload resolution over <c>TrigOps</c>'s
/// overloads (for each candidate that does not fit, a search for user-defined
/// conversions into <c>decimal</c>, <c>DateTimeOffset</c>…) was about a fifth
/// of Roslyn's binding time (bench/README.md, Back end). The forwarders are
/// a call or two each, which the JIT inlines, and are resolved once per pack.
/// A call whose operand types are not in the table (a null or an empty list
/// on both sides) keeps the overloaded name.
/// </summary>
internal static class TypedOps
{
    /// <summary>
    /// Operand codes: N decimal, S string, B bool, T timestamp, D duration; a trailing L makes it a list. The tests
    /// (equality, order, <c>in</c>) answer <c>bool?</c>, the language's boolean, so that call sites need no conversion;
    /// an order test is <c>TrigOps.Less(TrigOps.Compare(a, b))</c> in one call.
    /// </summary>
    private static readonly (string Operation, string[] Operands, string Result, string Body)[] Overloads =
    [
        .. Forward("Negate", [["N"], ["D"]]),
        .. Forward("Add", [["N", "N"], ["T", "D"], ["D", "D"]]),
        .. Forward("Subtract", [["N", "N"], ["T", "D"], ["D", "D"]]),
        .. Forward("Subtract", [["T", "T"]], "D"),
        .. Forward("Equal", [["N", "N"], ["S", "S"], ["B", "B"], ["T", "T"], ["D", "D"]], "bool?"),
        .. Forward("NotEqual", [["N", "N"], ["S", "S"], ["B", "B"], ["T", "T"], ["D", "D"]], "bool?"),
        .. Order("Less"), .. Order("LessOrEqual"), .. Order("Greater"), .. Order("GreaterOrEqual"),
        .. Forward("In", [["S", "S"], ["N", "NL"], ["S", "SL"], ["B", "BL"], ["T", "TL"], ["D", "DL"]], "bool?"),
        .. Forward("Len", [["S"]], "N"),
        .. Forward("Abs", [["N"], ["D"]]),
        .. Forward("Min", [["N", "N"], ["T", "T"], ["D", "D"]]),
        .. Forward("Max", [["N", "N"], ["T", "T"], ["D", "D"]]),
    ];

    /// <summary>Forwarders to <c>TrigOps.{operation}</c>; the result is the first operand's type unless given.</summary>
    private static IEnumerable<(string, string[], string, string)> Forward(string operation, string[][] signatures, string? result = null) =>
        signatures.Select(operands => (operation, operands, result ?? operands[0], $"{GeneratedNames.OpsAlias}.{operation}({Parameters(operands)})"));

    private static IEnumerable<(string, string[], string, string)> Order(string test) =>
        new[] { "N", "S", "T", "D" }.Select(c => (test, new[] { c, c }, "bool?",
            $"{GeneratedNames.OpsAlias}.{test}({GeneratedNames.OpsAlias}.Compare(a, b))"));

    private static string Parameters(string[] operands) => string.Join(", ", operands.Select((_, i) => ((char)('a' + i)).ToString()));

    /// <summary>The forwarders' names (fixed: made from the table, never from rule text); their parameters are <c>a</c> and <c>b</c>.</summary>
    public static IReadOnlySet<string> ForwarderNames { get; } = Overloads.Select(o => Name(o.Operation, o.Operands)).ToHashSet(StringComparer.Ordinal);

    private static string Name(string operation, IEnumerable<string> operands) => operation + string.Concat(operands);

    /// <summary>
    /// The call of <paramref name="operation"/> on operands of these language types (after a null or empty list
    /// took the other side's type), through its forwarder when there is one, else through <c>TrigOps</c>.
    /// </summary>
    public static string Call(string operation, IReadOnlyList<TrigType> types, params string[] arguments) =>
        TryCall(operation, types, arguments) ?? $"{GeneratedNames.OpsAlias}.{operation}({string.Join(", ", arguments)})";

    /// <summary>The call of the forwarder of <paramref name="operation"/> on operands of these language types, or null when there is none.</summary>
    public static string? TryCall(string operation, IReadOnlyList<TrigType> types, params string[] arguments)
    {
        var codes = types.Select(Code).ToArray();
        var name = codes.All(c => c is not null) ? Name(operation, codes!) : null;
        return name is not null && ForwarderNames.Contains(name)
            ? $"{GeneratedNames.TypedOpsClass}.{name}({string.Join(", ", arguments)})"
            : null;
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
        foreach (var (operation, operands, result, body) in Overloads)
        {
            var parameters = operands.Select((o, i) => $"{CSharp(o)} {(char)('a' + i)}");
            code.Append("    public static ").Append(result == "bool?" ? result : CSharp(result)).Append(' ')
                .Append(Name(operation, operands)).Append('(').AppendJoin(", ", parameters).Append(") => ").Append(body).Append(";\n");
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
