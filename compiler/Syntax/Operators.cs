namespace TriggerLang.Compiler.Syntax;

/// <summary>Source spelling and precedence of operators, shared by the parser, the formatter and messages.</summary>
public static class Operators
{
    public static string Text(BinaryOperator op) => op switch
    {
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.In => "in",
        BinaryOperator.And => "and",
        BinaryOperator.Or => "or",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static string Text(UnaryOperator op) => op == UnaryOperator.Not ? "not" : "-";

    public static bool IsComparison(BinaryOperator op) => op is >= BinaryOperator.Equal and <= BinaryOperator.In;

    public static bool IsArithmetic(BinaryOperator op) => op <= BinaryOperator.Subtract;
}
