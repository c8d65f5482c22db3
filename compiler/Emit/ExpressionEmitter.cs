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
    private const string Ops = GeneratedNames.OpsAlias;

    /// <summary>The longest list of texts whose membership test is written as constant patterns (<see cref="MembershipTest"/>).</summary>
    private const int MaxMembershipPatterns = 8;

    /// <summary>Whether an emitted expression read the trigger (<c>t</c>): the caller declares only the variables that are read.</summary>
    public bool ReadsTrigger { get; private set; }

    /// <summary>Whether an emitted expression read the user (<c>u</c>).</summary>
    public bool ReadsUser { get; private set; }

    /// <summary>The variables the expression may read: the trigger, the candidate (unless/goal), the user and the evaluation time.</summary>
    public string Emit(BoundExpression expression) => expression switch
    {
        BoundLiteral literal => Literal(literal.Type, literal.Value),
        BoundFieldAccess field => Field(field),
        BoundRecipient => User("u.Id"),
        BoundUnary { Operator: UnaryOperator.Not } unary => $"{Ops}.Not({Emit(unary.Operand)})",
        BoundUnary unary => TypedOps.Call("Negate", [unary.Operand.Type], Emit(unary.Operand)),
        BoundBinary binary => Binary(binary),
        BoundCall call => Call(call),
        BoundList list => List(list),
        _ => throw new InvalidOperationException($"cannot emit {expression.GetType().Name}"),
    };

    /// <summary>
    /// The C# <c>bool</c> that says whether a condition holds (<paramref name="want"/> true: it is <c>true</c>; false:
    /// it is <c>false</c>). A rule asks only whether its condition is true (absent counts as false, §11), and in that
    /// question the three-valued operators become C#'s short-circuit ones: <c>a and b</c> is true exactly when both are
    /// true, false when either is false; <c>not a</c> is true when <c>a</c> is false. So no <c>bool?</c> is built for
    /// <c>and</c>/<c>or</c>/<c>not</c>, and the second operand is skipped when the first decides. Every expression is
    /// pure and total (overflow is absent, never an exception), so the operands may also be reordered: the cheaper one
    /// (<see cref="ConditionCost"/>) is tested first.
    /// </summary>
    public string Condition(BoundExpression expression, bool want = true) => Test(expression, want).Code;

    /// <summary>A condition's test and its cost, built bottom-up so that each node's cost is counted once.</summary>
    private (string Code, int Cost) Test(BoundExpression expression, bool want) => expression switch
    {
        BoundBinary { Operator: BinaryOperator.And } both => Junction(both, conjunction: want, want),
        BoundBinary { Operator: BinaryOperator.Or } either => Junction(either, conjunction: !want, want),
        BoundUnary { Operator: UnaryOperator.Not } not => Test(not.Operand, !want),
        BoundLiteral { Value: bool flag } => (flag == want ? "true" : "false", 0),
        BoundLiteral { Value: null } => ("false", 0),
        BoundBinary binary when NeverAbsent(binary) is { } test => (want ? test : $"!{test}", ConditionCost.Of(binary)),
        _ => ($"{Ops}.{(want ? "IsTrue" : "IsFalse")}({Emit(expression)})", ConditionCost.Of(expression)),
    };

    /// <summary>
    /// Both tests (<paramref name="conjunction"/>) or either. A second test that costs no more than a comparison is
    /// made unconditionally (<c>&amp;</c>, <c>|</c>): a branch that depends on the data is mispredicted about half the
    /// time, which costs more than such a test; a dearer one is skipped when the first decides (<c>&amp;&amp;</c>, <c>||</c>).
    /// </summary>
    private (string Code, int Cost) Junction(BoundBinary junction, bool conjunction, bool want)
    {
        var left = Test(junction.Left, want);
        var right = Test(junction.Right, want);
        var (first, second) = right.Cost < left.Cost ? (right, left) : (left, right);
        var cheap = second.Cost <= ConditionCost.Comparison;
        var op = conjunction ? (cheap ? "&" : "&&") : (cheap ? "|" : "||");
        return ($"({first.Code} {op} {second.Code})", left.Cost + right.Cost);
    }

    private string Field(BoundFieldAccess field) => field.Root switch
    {
        RecordRoot.User => User(layout.UserAccess("u", field.Field)),
        RecordRoot.Trigger => Trigger($"t.{GeneratedNames.EventField(layout.FieldIndex(field.Field))}"),
        _ => $"c.{GeneratedNames.EventField(layout.FieldIndex(field.Field))}",
    };

    /// <summary>Adds what <paramref name="other"/> read to what this one read.</summary>
    public void Merge(ExpressionEmitter other)
    {
        ReadsTrigger |= other.ReadsTrigger;
        ReadsUser |= other.ReadsUser;
    }

    private string User(string access)
    {
        ReadsUser = true;
        return access;
    }

    private string Trigger(string access)
    {
        ReadsTrigger = true;
        return access;
    }

    public static string Literal(TrigType type, object? value) => value switch
    {
        null => $"(({CSharpTypes.Of(type.Kind == TypeKind.Null ? TrigType.String : type)})null)",
        // Roslyn compiles the literal 0m to a load of decimal.Zero, a static field that code in a collectible pack reaches
        // through a class-initialisation check; default(decimal) is the same value (scale 0, no sign), built in place.
        decimal number when number == 0m && number.Scale == 0 && !decimal.IsNegative(number) => "((decimal?)default(decimal))",
        decimal number => $"((decimal?){number.ToString(CultureInfo.InvariantCulture)}m)",
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        bool flag => flag ? "((bool?)true)" : "((bool?)false)",
        TimeSpan span => $"((global::System.TimeSpan?)new global::System.TimeSpan({span.Ticks.ToString(CultureInfo.InvariantCulture)}L))",
        _ => throw new InvalidOperationException($"no literal for {value.GetType().Name}"),
    };

    private string Binary(BoundBinary binary)
    {
        var op = binary.Operator;
        if (NeverAbsent(binary) is { } test)
        {
            return $"((bool?){test})";
        }
        if (op is BinaryOperator.Equal or BinaryOperator.NotEqual && (Folding(binary.Left) ?? Folding(binary.Right)) is { } folding)
        {
            // lower(x) == y: compare without allocating the folded string.
            var other = Folding(binary.Left) is not null ? binary.Right : binary.Left;
            return $"((bool?){Ops}.Folded{(op == BinaryOperator.Equal ? "Equal" : "NotEqual")}({Emit(folding.Text)}, {folding.Upper}, {Emit(other)}))";
        }
        if (op == BinaryOperator.In && binary.Right.Type is { Kind: TypeKind.List, Element.Kind: TypeKind.Null })
        {
            // An empty list literal has no element type: nothing is in it.
            return "((bool?)false)";
        }
        // A side without a type of its own (an empty list, null) takes the other side's, so that C# finds one overload.
        var leftType = op == BinaryOperator.In ? binary.Right.Type.Element ?? binary.Left.Type : binary.Right.Type;
        var left = EmitAs(binary.Left, leftType);
        var right = op == BinaryOperator.In ? Emit(binary.Right) : EmitAs(binary.Right, binary.Left.Type);
        // The C# types of the two operands, as EmitAs made them: what picks the overload.
        IReadOnlyList<TrigType> types = [Operand(binary.Left, leftType), op == BinaryOperator.In ? binary.Right.Type : Operand(binary.Right, binary.Left.Type)];
        // The typed operations take the timestamp first: `duration + timestamp` is `timestamp + duration`.
        if (op == BinaryOperator.Add && binary.Left.Type.Kind == TypeKind.Duration && binary.Right.Type.Kind == TypeKind.Timestamp)
        {
            (left, right) = (right, left);
            types = [types[1], types[0]];
        }
        var type = binary.Left.Type.Kind == TypeKind.Null ? binary.Right.Type : binary.Left.Type;
        return op switch
        {
            BinaryOperator.And => $"{Ops}.And({left}, {right})",
            BinaryOperator.Or => $"{Ops}.Or({left}, {right})",
            BinaryOperator.Add => TypedOps.Call("Add", types, left, right),
            BinaryOperator.Subtract => TypedOps.Call("Subtract", types, left, right),
            BinaryOperator.Multiply => $"{Ops}.Multiply({left}, {right})",
            BinaryOperator.Divide => $"{Ops}.Divide({left}, {right})",
            BinaryOperator.Modulo => $"{Ops}.Modulo({left}, {right})",
            BinaryOperator.Equal => Equality(type, types, left, right),
            BinaryOperator.NotEqual => Inequality(type, types, left, right),
            BinaryOperator.Less => Order("Less", types, left, right),
            BinaryOperator.LessOrEqual => Order("LessOrEqual", types, left, right),
            BinaryOperator.Greater => Order("Greater", types, left, right),
            BinaryOperator.GreaterOrEqual => Order("GreaterOrEqual", types, left, right),
            BinaryOperator.In => TypedOps.TryCall("In", types, left, right) ?? $"((bool?){Ops}.In({left}, {right}))",
            _ => throw new InvalidOperationException($"no operator {op}"),
        };
    }

    /// <summary>A binary whose value is never absent, as a C# <c>bool</c>: a test of presence or of membership in a short list of texts. Null for other binaries.</summary>
    private string? NeverAbsent(BoundBinary binary) => PresenceTest(binary) ?? MembershipTest(binary);

    /// <summary>`x == null` tests absence, `x != null` presence (§11). Null for other binaries.</summary>
    private string? PresenceTest(BoundBinary binary)
    {
        if (binary.Operator is not (BinaryOperator.Equal or BinaryOperator.NotEqual) || !(IsNullLiteral(binary.Left) || IsNullLiteral(binary.Right)))
        {
            return null;
        }
        var other = IsNullLiteral(binary.Left) ? binary.Right : binary.Left;
        var absent = IsNullLiteral(other) ? "true" : $"({Emit(other)} is null)";
        return binary.Operator == BinaryOperator.Equal ? absent : $"!{absent}";
    }

    /// <summary>
    /// <c>x in ["a", "b"]</c> over a short list of text literals, as C# constant patterns (<c>x is "a" or "b"</c>): the
    /// JIT compares a constant text as a length and a few words, where <c>TrigOps.In</c> loops over an array. False for
    /// an absent <c>x</c>, as <c>TrigOps.In</c> is. Null for other binaries; a longer list keeps the array, since each
    /// pattern adds to Roslyn's work.
    /// </summary>
    private string? MembershipTest(BoundBinary binary)
    {
        if (binary is not { Operator: BinaryOperator.In, Right: BoundList { Elements: { Length: > 0 and <= MaxMembershipPatterns } elements } }
            || binary.Left.Type.Kind is not (TypeKind.String or TypeKind.User or TypeKind.Null)
            || !elements.All(static e => e is BoundLiteral { Value: string }))
        {
            return null;
        }
        // Distinct: Roslyn refuses a pattern that an earlier one already covers.
        var patterns = elements.Select(static e => (string)((BoundLiteral)e).Value!).Distinct(StringComparer.Ordinal)
            .Select(static text => SymbolDisplay.FormatLiteral(text, quote: true));
        return $"({EmitAs(binary.Left, TrigType.String)} is {string.Join(" or ", patterns)})";
    }

    private static string Equality(TrigType type, IReadOnlyList<TrigType> types, string left, string right) =>
        type.Kind == TypeKind.List ? $"((bool?){Ops}.Equal({left}, {right}, static (p, q) => {Ops}.Equal(p, q)))"
            : TypedOps.TryCall("Equal", types, left, right) ?? $"((bool?){Ops}.Equal({left}, {right}))";

    private static string Inequality(TrigType type, IReadOnlyList<TrigType> types, string left, string right) =>
        type.Kind == TypeKind.List ? $"((bool?){Ops}.NotEqual({left}, {right}, static (p, q) => {Ops}.Equal(p, q)))"
            : TypedOps.TryCall("NotEqual", types, left, right) ?? $"((bool?){Ops}.NotEqual({left}, {right}))";

    /// <summary><c>a &lt; b</c> and the other orders: one forwarder, or <c>TrigOps.Less(TrigOps.Compare(a, b))</c>.</summary>
    private static string Order(string test, IReadOnlyList<TrigType> types, string left, string right) =>
        TypedOps.TryCall(test, types, left, right) ?? $"((bool?){Ops}.{test}({Ops}.Compare({left}, {right})))";

    /// <summary>The language type of <see cref="EmitAs"/>'s result: the target's when the operand has no type of its own.</summary>
    private static TrigType Operand(BoundExpression expression, TrigType target) => expression switch
    {
        _ when target.Kind is TypeKind.Null or TypeKind.Error => expression.Type,
        { Type.Kind: TypeKind.Null } => target,
        BoundList { Type.Element.Kind: TypeKind.Null } when target is { Kind: TypeKind.List, Element.Kind: not TypeKind.Null } => target,
        _ => expression.Type,
    };

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
            "len" => TypedOps.Call("Len", [call.Arguments[0].Type], args[0]),
            "contains" when call.Arguments[0].Type.Kind == TypeKind.List => ContainsItem(call.Arguments[0], call.Arguments[1]),
            "contains" => $"{Ops}.Contains({args[0]}, {args[1]})",
            "starts_with" => $"{Ops}.StartsWith({args[0]}, {args[1]})",
            "ends_with" => $"{Ops}.EndsWith({args[0]}, {args[1]})",
            "abs" => TypedOps.Call("Abs", [call.Arguments[0].Type], args[0]),
            "round" when LiteralDigits(call.Arguments) is { } digits => $"{Ops}.RoundTo({args[0]}, {digits})",
            "round" => $"{Ops}.Round({args[0]}, {args[1]})",
            "min" => TypedOps.Call("Min", [call.Arguments[0].Type, call.Arguments[1].Type], args[0], args[1]),
            "max" => TypedOps.Call("Max", [call.Arguments[0].Type, call.Arguments[1].Type], args[0], args[1]),
            // coalesce(null, null) has the null type, which has no C# type of its own.
            "coalesce" when call.Type.Kind == TypeKind.Null => Literal(call.Type, null),
            "coalesce" => $"(({CSharpTypes.Of(call.Type)})({EmitAs(call.Arguments[0], call.Type)} ?? {EmitAs(call.Arguments[1], call.Type)}))",
            "exists" => $"((bool?)({args[0]} is not null))",
            "days_since" => $"{Ops}.DaysSince({args[0]}, now)",
            "followers" => args[0],
            _ => throw new InvalidOperationException($"no function {call.Function.Name}"),
        };
    }

    /// <summary>The places of <c>round(x)</c> (0) or of <c>round(x, n)</c> with <c>n</c> a literal whole number from 0 to 28; else null.</summary>
    private static int? LiteralDigits(IReadOnlyList<BoundExpression> arguments) => arguments switch
    {
        [_] => 0,
        [_, BoundLiteral { Value: decimal digits }] when digits == decimal.Truncate(digits) && digits is >= 0 and <= 28 => (int)digits,
        _ => null,
    };

    /// <summary><c>contains(list, item)</c>, with an untyped list (<c>[]</c>) or item (<c>null</c>) typed after the other.</summary>
    private string ContainsItem(BoundExpression list, BoundExpression item)
    {
        var element = list.Type.Element!.Kind == TypeKind.Null ? item.Type : list.Type.Element;
        return $"{Ops}.ContainsItem({EmitAs(list, TrigType.ListOf(element))}, {EmitAs(item, element)})";
    }

    /// <summary>A list of literals becomes a static array built once; others are built per evaluation.</summary>
    private string List(BoundList list) => List(list, list.Type);

    private string List(BoundList list, TrigType type)
    {
        var elementType = CSharpTypes.Of(type)[..^3];
        var elements = string.Join(", ", list.Elements.Select(e => EmitAs(e, type.Element!)));
        var creation = $"new {elementType}[] {{ {elements} }}";
        return list.Elements.All(e => e is BoundLiteral) ? constants.Add($"{elementType}[]", creation) : $"(({elementType}[]?){creation})";
    }

    /// <summary>
    /// An expression where a value of <paramref name="target"/> is expected. Only
    /// values without a type of their own change: <c>null</c> (and anything of
    /// the null type) becomes a null of the target's C# type, and a list of
    /// nulls or an empty list a list of the target's element type; C# would
    /// otherwise see a <c>string?</c> where, say, a <c>decimal?</c> belongs.
    /// </summary>
    private string EmitAs(BoundExpression expression, TrigType target)
    {
        if (target.Kind is TypeKind.Null or TypeKind.Error)
        {
            return Emit(expression);
        }
        if (expression.Type.Kind == TypeKind.Null)
        {
            return Literal(target, null);
        }
        if (expression is BoundList { Type.Element.Kind: TypeKind.Null } list && target is { Kind: TypeKind.List, Element: { } element }
            && element.Kind != TypeKind.Null)
        {
            return List(list, TrigType.ListOf(element.AsOptional()));
        }
        return Emit(expression);
    }

    /// <summary>Only the literal <c>null</c> makes <c>==</c> a test of absence (§11); other absent values compare false.</summary>
    private static bool IsNullLiteral(BoundExpression expression) => expression is BoundLiteral { Type.Kind: TypeKind.Null };
}
