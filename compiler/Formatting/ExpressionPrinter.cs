using System.Text;
using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Formatting;

/// <summary>
/// Prints an expression on one line. It emits the source's tokens in the source's
/// order (parentheses only where the user wrote them), so parsing the output gives
/// back the same tree; only spacing changes.
/// </summary>
internal static class ExpressionPrinter
{
    public static string Print(ExpressionSyntax expression)
    {
        var builder = new StringBuilder();
        Write(builder, expression);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, ExpressionSyntax expression)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                builder.Append(literal.Text);
                break;
            case NameExpressionSyntax name:
                builder.Append(name.Identifier.Name);
                break;
            case MemberAccessExpressionSyntax member:
                Write(builder, member.Target);
                builder.Append('.').Append(member.Member.Name);
                break;
            case CallExpressionSyntax call:
                builder.Append(call.Function.Name).Append('(');
                WriteList(builder, call.Arguments);
                builder.Append(')');
                break;
            case ListExpressionSyntax list:
                builder.Append('[');
                WriteList(builder, list.Elements);
                builder.Append(']');
                break;
            case ParenthesizedExpressionSyntax parenthesized:
                builder.Append('(');
                Write(builder, parenthesized.Inner);
                builder.Append(')');
                break;
            case UnaryExpressionSyntax unary:
                builder.Append(unary.Operator == UnaryOperator.Not ? "not " : "-");
                Write(builder, unary.Operand);
                break;
            case BinaryExpressionSyntax binary:
                Write(builder, binary.Left);
                builder.Append(' ').Append(Operators.Text(binary.Operator)).Append(' ');
                Write(builder, binary.Right);
                break;
            default:
                throw new InvalidOperationException($"Cannot format {expression.GetType().Name}: the tree has errors.");
        }
    }

    private static void WriteList(StringBuilder builder, IReadOnlyList<ExpressionSyntax> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }
            Write(builder, items[i]);
        }
    }
}
