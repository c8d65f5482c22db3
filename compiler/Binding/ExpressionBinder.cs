using System.Collections.Immutable;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Binding;

/// <summary>
/// Resolves names and types one expression (LANGUAGE.md §4, §11). Each
/// mistake is reported once at its span; an expression with an error gets
/// the error type, which suppresses follow-on reports.
/// </summary>
public sealed class ExpressionBinder(SourceFile file, BindingScope scope, List<Diagnostic> diagnostics)
{
    public BoundExpression Bind(ExpressionSyntax syntax) => syntax switch
    {
        MissingExpressionSyntax => new BoundError(syntax),
        LiteralExpressionSyntax literal => BindLiteral(literal),
        NameExpressionSyntax name => BindName(name),
        MemberAccessExpressionSyntax member => BindMember(member),
        CallExpressionSyntax call => BindCall(call),
        ListExpressionSyntax list => BindList(list),
        ParenthesizedExpressionSyntax paren => Bind(paren.Inner),
        UnaryExpressionSyntax unary => BindUnary(unary),
        BinaryExpressionSyntax binary => BindBinary(binary),
        _ => new BoundError(syntax),
    };

    /// <summary>Binds a condition (<c>where</c>): it must be a boolean; an absent optional boolean counts as false.</summary>
    public BoundExpression BindCondition(ExpressionSyntax syntax)
    {
        var bound = Bind(syntax);
        if (!bound.Type.IsError && bound.Type.Kind != TypeKind.Bool)
        {
            Report(syntax.Span, b => b.ConditionNotBoolean(scope.Clause, Describe(bound.Type)));
            return new BoundError(syntax);
        }
        return bound;
    }

    private BoundExpression BindLiteral(LiteralExpressionSyntax literal) => literal.Kind switch
    {
        _ when literal.Value is null && literal.Kind != LiteralKind.Null => new BoundError(literal),
        LiteralKind.Integer => new BoundLiteral(literal, TrigType.Int, literal.Value),
        LiteralKind.Decimal => new BoundLiteral(literal, TrigType.Decimal, literal.Value),
        LiteralKind.String => new BoundLiteral(literal, TrigType.String, literal.Value),
        LiteralKind.Boolean => new BoundLiteral(literal, TrigType.Bool, literal.Value),
        LiteralKind.Duration => new BoundLiteral(literal, TrigType.Duration, literal.Value),
        _ => new BoundLiteral(literal, TrigType.Null, null),
    };

    private BoundExpression BindName(NameExpressionSyntax syntax)
    {
        var name = syntax.Identifier.Name;
        if (syntax.Identifier.IsMissing)
        {
            return new BoundError(syntax);
        }
        if (scope.TryGetRecord(name, out var root, out var record))
        {
            if (root == RecordRoot.User)
            {
                return new BoundRecipient(syntax);
            }
            var example = record?.Fields.FirstOrDefault()?.Name ?? "field";
            Report(syntax.Span, b => b.RecordAsValue(name, $"{name}.{example}"));
            return new BoundError(syntax);
        }
        if (scope.BareEvent?.Field(name) is { } field)
        {
            return new BoundFieldAccess(syntax, field.Type, scope.BareRoot, field);
        }
        if (scope.BareEventUnknown)
        {
            return new BoundError(syntax);
        }
        var where = scope.BareEvent is null
            ? "only literal values are allowed here"
            : $"bare names here are fields of event `{scope.BareEvent.Name}`";
        Report(syntax.Identifier.Span, b => b.UnknownName(name, SuggestForBareName(name), where));
        return new BoundError(syntax);
    }

    /// <summary>A user attribute or (in an unless/goal condition) a trigger field of that name, else the closest bare name.</summary>
    private string? SuggestForBareName(string name)
    {
        if (scope.User.Attribute(name) is not null)
        {
            return $"user.{name}";
        }
        if (scope.BareRoot == RecordRoot.Candidate && scope.TryGetRecord("event", out _, out var trigger) && trigger?.Field(name) is not null)
        {
            return $"event.{name}";
        }
        var candidates = (scope.BareEvent?.Fields.Select(f => f.Name) ?? []).Concat(scope.RecordNames);
        return Suggestions.Closest(name, candidates);
    }

    private BoundExpression BindMember(MemberAccessExpressionSyntax syntax)
    {
        var member = syntax.Member;
        if (syntax.Target is NameExpressionSyntax { Identifier.IsMissing: false } target
            && scope.TryGetRecord(target.Identifier.Name, out var root, out var record))
        {
            if (member.IsMissing)
            {
                return new BoundError(syntax);
            }
            if (root == RecordRoot.User)
            {
                if (scope.User.Attribute(member.Name) is { } attribute)
                {
                    return new BoundFieldAccess(syntax, attribute.Type, RecordRoot.User, attribute);
                }
                Report(member.Span, b => b.UnknownField("the user profile", member.Name,
                    Suggestions.Closest(member.Name, scope.User.Attributes.Select(a => a.Name))));
                return new BoundError(syntax);
            }
            if (record is null)
            {
                return new BoundError(syntax);
            }
            if (record.Field(member.Name) is { } field)
            {
                return new BoundFieldAccess(syntax, field.Type, root, field);
            }
            Report(member.Span, b => b.UnknownField($"event `{record.Name}`", member.Name,
                Suggestions.Closest(member.Name, record.Fields.Select(f => f.Name))));
            return new BoundError(syntax);
        }
        var bound = Bind(syntax.Target);
        if (!bound.Type.IsError && !member.IsMissing)
        {
            Report(member.Span, b => b.NoMembers(Describe(bound.Type), member.Name));
        }
        return new BoundError(syntax);
    }

    private BoundExpression BindList(ListExpressionSyntax syntax)
    {
        var elements = syntax.Elements.Select(Bind).ToImmutableArray();
        TrigType? element = null;
        foreach (var item in elements)
        {
            if (element is null)
            {
                element = item.Type;
                continue;
            }
            var unified = TypeRules.Unify(element, item.Type);
            if (unified is null)
            {
                Report(item.Syntax.Span, b => b.ListElementMismatch(Describe(element), Describe(item.Type)));
                return new BoundError(syntax);
            }
            element = unified;
        }
        return new BoundList(syntax, TrigType.ListOf(element ?? TrigType.Null), elements);
    }

    private BoundExpression BindUnary(UnaryExpressionSyntax syntax)
    {
        var operand = Bind(syntax.Operand);
        if (operand.Type.IsError)
        {
            return new BoundError(syntax);
        }
        var ok = syntax.Operator == UnaryOperator.Not
            ? operand.Type.Kind == TypeKind.Bool
            : operand.Type.IsNumeric || operand.Type.Kind == TypeKind.Duration;
        if (!ok)
        {
            var expected = syntax.Operator == UnaryOperator.Not ? "a boolean" : "a number or duration";
            Report(syntax.OperatorSpan, b => b.UnaryTypeMismatch(Operators.Text(syntax.Operator), Describe(operand.Type), expected));
            return new BoundError(syntax);
        }
        return new BoundUnary(syntax, operand.Type, syntax.Operator, operand);
    }

    private BoundExpression BindBinary(BinaryExpressionSyntax syntax)
    {
        var left = Bind(syntax.Left);
        var right = Bind(syntax.Right);
        if (left.Type.IsError || right.Type.IsError)
        {
            return new BoundError(syntax);
        }
        var type = BinaryTyping.ResultType(syntax.Operator, left.Type, right.Type, out var problem);
        if (type is null)
        {
            Report(syntax.OperatorSpan, b => problem == BinaryTyping.Problem.NullOrdering
                ? b.NullComparison(Operators.Text(syntax.Operator))
                : b.OperatorTypeMismatch(Operators.Text(syntax.Operator), Describe(left.Type), Describe(right.Type),
                    BinaryTyping.Hint(syntax.Operator, left, right)));
            return new BoundError(syntax);
        }
        return new BoundBinary(syntax, type, syntax.Operator, left, right);
    }

    private BoundExpression BindCall(CallExpressionSyntax syntax)
    {
        var name = syntax.Function.Name;
        if (!BuiltInFunctions.All.TryGetValue(name, out var function))
        {
            Report(syntax.Function.Span, b => b.UnknownFunction(name, Suggestions.Closest(name, BuiltInFunctions.All.Keys)));
            foreach (var argument in syntax.Arguments)
            {
                Bind(argument);
            }
            return new BoundError(syntax);
        }
        var arguments = syntax.Arguments.Select(Bind).ToImmutableArray();
        if (function == BuiltInFunctions.Followers && !scope.AllowsFollowers)
        {
            Report(syntax.Function.Span, b => b.FollowersOutsideTo());
            return new BoundError(syntax);
        }
        if (arguments.Length < function.MinArguments || arguments.Length > function.MaxArguments)
        {
            Report(syntax.Span, b => b.WrongArgumentCount(function.Signature, arguments.Length));
            return new BoundError(syntax);
        }
        if (arguments.Any(a => a.Type.IsError))
        {
            return new BoundError(syntax);
        }
        var result = FunctionTyping.ResultType(function, arguments.Select(a => a.Type).ToArray(), out var mismatch);
        if (result is null)
        {
            var (index, expected) = mismatch;
            Report(arguments[index].Syntax.Span, b => b.ArgumentTypeMismatch(function.Name, index + 1, expected, Describe(arguments[index].Type)));
            return new BoundError(syntax);
        }
        return new BoundCall(syntax, result, function, arguments);
    }

    /// <summary>A type as a noun phrase for messages: "an int", "a list<string>", "an optional string", "null".</summary>
    public static string Describe(TrigType type)
    {
        if (type.Kind == TypeKind.Null)
        {
            return "null";
        }
        var name = type.AsRequired().ToString();
        return type.IsOptional ? $"an optional {name}" : $"{(name[0] is 'a' or 'e' or 'i' or 'o' ? "an" : "a")} {name}";
    }

    private void Report(TextSpan span, Func<DiagnosticBuilder, Diagnostic> build) => diagnostics.Add(build(DiagnosticBuilder.At(file, span)));
}
