using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using TriggerLang.Compiler.Binding;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Emit;

/// <summary>
/// Turns a bound expression into a C# expression over the typed records.
/// The only rule text that reaches the output is literal values, formatted by
/// Roslyn (<see cref="SymbolDisplay.FormatLiteral(string, bool)"/>) or as
/// invariant numbers; names are generated. Operations go through
/// <c>TrigOps</c>, which holds the semantics of §11.
/// </summary>
internal sealed class ExpressionEmitter(PackLayout layout, ConstantPool constants)
{
    private const string Ops = "global::TriggerLang.Evaluation.TrigOps";

    /// <summary>The variables the expression may read: the trigger, the candidate (unless/goal), the user and the evaluation time.</summary>
    public string Emit(BoundExpression expression) => expression switch
    {
        BoundLiteral literal => Literal(literal.Type, literal.Value),
        BoundFieldAccess field => Field(field),
        BoundRecipient => "u.Id",
        BoundUnary { Operator: UnaryOperator.Not } unary => $"{Ops}.Not({Emit(unary.Operand)})",
        BoundUnary unary => $"{Ops}.Negate({Emit(unary.Operand)})",
        BoundBinary binary => Binary(binary),
        BoundCall call => Call(call),
        BoundList list => List(list),
        _ => throw new InvalidOperationException($"cannot emit {expression.GetType().Name}"),
    };

    private string Field(BoundFieldAccess field) => field.Root switch
    {
        RecordRoot.User => layout.UserAccess("u", field.Field),
        RecordRoot.Trigger => $"t.{GeneratedNames.EventField(layout.FieldIndex(field.Field))}",
        _ => $"c.{GeneratedNames.EventField(layout.FieldIndex(field.Field))}",
    };

    public static string Literal(TrigType type, object? value) => value switch
    {
        null => $"(({CSharpTypes.Of(type.Kind == TypeKind.Null ? TrigType.String : type)})null)",
        decimal number => $"((decimal?){number.ToString(CultureInfo.InvariantCulture)}m)",
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        bool flag => flag ? "((bool?)true)" : "((bool?)false)",
        TimeSpan span => $"((global::System.TimeSpan?)new global::System.TimeSpan({span.Ticks.ToString(CultureInfo.InvariantCulture)}L))",
        _ => throw new InvalidOperationException($"no literal for {value.GetType().Name}"),
    };

    private string Binary(BoundBinary binary)
    {
        var op = binary.Operator;
        if (op is BinaryOperator.Equal or BinaryOperator.NotEqual && (IsNull(binary.Left) || IsNull(binary.Right)))
        {
            // `x == null` tests absence, `x != null` presence (§11).
            var other = IsNull(binary.Left) ? binary.Right : binary.Left;
            var test = IsNull(other) ? "true" : $"({Emit(other)} is null)";
            return op == BinaryOperator.Equal ? $"((bool?){test})" : $"((bool?)!{test})";
        }
        if (op is BinaryOperator.Equal or BinaryOperator.NotEqual && (Folding(binary.Left) ?? Folding(binary.Right)) is { } folding)
        {
            // lower(x) == y: compare without allocating the folded string.
            var other = Folding(binary.Left) is not null ? binary.Right : binary.Left;
            return $"((bool?){Ops}.Folded{(op == BinaryOperator.Equal ? "Equal" : "NotEqual")}({Emit(folding.Text)}, {folding.Upper}, {Emit(other)}))";
        }
        var left = Emit(binary.Left);
        var right = Emit(binary.Right);
        return op switch
        {
            BinaryOperator.And => $"{Ops}.And({left}, {right})",
            BinaryOperator.Or => $"{Ops}.Or({left}, {right})",
            BinaryOperator.Add => $"{Ops}.Add({left}, {right})",
            BinaryOperator.Subtract => $"{Ops}.Subtract({left}, {right})",
            BinaryOperator.Multiply => $"{Ops}.Multiply({left}, {right})",
            BinaryOperator.Divide => $"{Ops}.Divide({left}, {right})",
            BinaryOperator.Modulo => $"{Ops}.Modulo({left}, {right})",
            BinaryOperator.Equal => $"((bool?){Equality(binary.Left.Type, left, right)})",
            BinaryOperator.NotEqual => $"((bool?){Inequality(binary.Left.Type, left, right)})",
            BinaryOperator.Less => $"((bool?){Ops}.Less({Ops}.Compare({left}, {right})))",
            BinaryOperator.LessOrEqual => $"((bool?){Ops}.LessOrEqual({Ops}.Compare({left}, {right})))",
            BinaryOperator.Greater => $"((bool?){Ops}.Greater({Ops}.Compare({left}, {right})))",
            BinaryOperator.GreaterOrEqual => $"((bool?){Ops}.GreaterOrEqual({Ops}.Compare({left}, {right})))",
            // An empty list literal has no element type: nothing is in it.
            BinaryOperator.In when binary.Right.Type is { Kind: TypeKind.List, Element.Kind: TypeKind.Null } => "((bool?)false)",
            BinaryOperator.In => $"((bool?){Ops}.In({left}, {right}))",
            _ => throw new InvalidOperationException($"no operator {op}"),
        };
    }

    private static string Equality(TrigType type, string left, string right) =>
        type.Kind == TypeKind.List ? $"{Ops}.Equal({left}, {right}, static (p, q) => {Ops}.Equal(p, q))" : $"{Ops}.Equal({left}, {right})";

    private static string Inequality(TrigType type, string left, string right) =>
        type.Kind == TypeKind.List ? $"{Ops}.NotEqual({left}, {right}, static (p, q) => {Ops}.Equal(p, q))" : $"{Ops}.NotEqual({left}, {right})";

    /// <summary>The argument of <c>lower(x)</c> or <c>upper(x)</c>, with the case (<c>"true"</c> for upper) as generated C#; else null.</summary>
    private static (BoundExpression Text, string Upper)? Folding(BoundExpression expression) =>
        expression is BoundCall { Function.Name: "lower" or "upper", Arguments: [var text] } call
            ? (text, call.Function.Name == "upper" ? "true" : "false")
            : null;

    private string Call(BoundCall call)
    {
        // starts_with/ends_with/contains(lower(x), y): test the folded text without allocating it.
        if (call.Function.Name is "starts_with" or "ends_with" or "contains" && call.Arguments.Length == 2
            && call.Arguments[0].Type.Kind != TypeKind.List && Folding(call.Arguments[0]) is { } folding)
        {
            var test = call.Function.Name switch { "starts_with" => "StartsWith", "ends_with" => "EndsWith", _ => "Contains" };
            return $"{Ops}.Folded{test}({Emit(folding.Text)}, {folding.Upper}, {Emit(call.Arguments[1])})";
        }
        var args = call.Arguments.Select(Emit).ToArray();
        return call.Function.Name switch
        {
            "lower" => $"{Ops}.Lower({args[0]})",
            "upper" => $"{Ops}.Upper({args[0]})",
            "len" => $"{Ops}.Len({args[0]})",
            "contains" when call.Arguments[0].Type.Kind == TypeKind.List => $"{Ops}.ContainsItem({args[0]}, {args[1]})",
            "contains" => $"{Ops}.Contains({args[0]}, {args[1]})",
            "starts_with" => $"{Ops}.StartsWith({args[0]}, {args[1]})",
            "ends_with" => $"{Ops}.EndsWith({args[0]}, {args[1]})",
            "abs" => $"{Ops}.Abs({args[0]})",
            "round" => args.Length == 1 ? $"{Ops}.Round({args[0]})" : $"{Ops}.Round({args[0]}, {args[1]})",
            "min" => $"{Ops}.Min({args[0]}, {args[1]})",
            "max" => $"{Ops}.Max({args[0]}, {args[1]})",
            "coalesce" => $"(({CSharpTypes.Of(call.Type)})({args[0]} ?? {args[1]}))",
            "exists" => $"((bool?)({args[0]} is not null))",
            "days_since" => $"{Ops}.DaysSince({args[0]}, now)",
            "followers" => args[0],
            _ => throw new InvalidOperationException($"no function {call.Function.Name}"),
        };
    }

    /// <summary>A list of literals becomes a static array built once; others are built per evaluation.</summary>
    private string List(BoundList list)
    {
        var elementType = CSharpTypes.Of(list.Type)[..^3];
        var elements = string.Join(", ", list.Elements.Select(Emit));
        var creation = $"new {elementType}[] {{ {elements} }}";
        return list.Elements.All(e => e is BoundLiteral) ? constants.Add($"{elementType}[]", creation) : $"(({elementType}[]?){creation})";
    }

    private static bool IsNull(BoundExpression expression) => expression.Type.Kind == TypeKind.Null;
}
