using System.Collections.Immutable;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Binding;

/// <summary>Evaluates the literal values written in test blocks (numbers, strings, booleans, null, durations, lists, negation).</summary>
internal static class ConstantEvaluator
{
    /// <summary>The value and its type, or null when the expression is not a constant.</summary>
    public static (object? Value, TrigType Type)? Evaluate(ExpressionSyntax syntax)
    {
        switch (syntax)
        {
            case LiteralExpressionSyntax literal:
                return literal.Kind switch
                {
                    LiteralKind.Integer => (literal.Value, TrigType.Int),
                    LiteralKind.Decimal => (literal.Value, TrigType.Decimal),
                    LiteralKind.String => (literal.Value, TrigType.String),
                    LiteralKind.Boolean => (literal.Value, TrigType.Bool),
                    LiteralKind.Duration => (literal.Value, TrigType.Duration),
                    _ => (null, TrigType.Null),
                };
            case ParenthesizedExpressionSyntax paren:
                return Evaluate(paren.Inner);
            case UnaryExpressionSyntax { Operator: UnaryOperator.Negate } negate when Evaluate(negate.Operand) is ({ } value, var type):
                return value switch
                {
                    decimal d => (-d, type),
                    TimeSpan t => (-t, type),
                    _ => null,
                };
            case ListExpressionSyntax list:
                var items = ImmutableArray.CreateBuilder<object?>();
                TrigType? element = null;
                foreach (var item in list.Elements)
                {
                    if (Evaluate(item) is not var (value, type))
                    {
                        return null;
                    }
                    element = element is null ? type : TypeRules.Unify(element, type);
                    if (element is null)
                    {
                        return null;
                    }
                    items.Add(value);
                }
                return (items.ToImmutable(), TrigType.ListOf(element ?? TrigType.Null));
            default:
                return null;
        }
    }
}
