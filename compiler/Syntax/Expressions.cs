using System.Collections.Immutable;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Syntax;

public abstract record ExpressionSyntax(TextSpan Span) : SyntaxNode(Span);

public enum LiteralKind
{
    Integer,
    Decimal,
    String,
    Boolean,
    Null,
    Duration,
}

/// <summary>
/// A literal. <see cref="Value"/> is a <c>decimal</c> for numbers (integers too:
/// <c>long</c> would overflow silently where <c>decimal</c> holds 28 digits),
/// a <c>string</c>, a <c>bool</c>, a <c>TimeSpan</c>, or null (for <c>null</c>
/// and for a number or duration too large to represent, which is reported).
/// </summary>
public sealed record LiteralExpressionSyntax(TextSpan Span, LiteralKind Kind, object? Value, string Text) : ExpressionSyntax(Span)
{
    /// <summary>For string literals: the decoded string with its offset map (templates need it).</summary>
    public StringLiteralSyntax? StringToken { get; init; }

    public override IEnumerable<SyntaxNode> Children => Nodes(StringToken);
}

/// <summary>A bare name: a field of the event in scope, <c>user</c>, <c>event</c> or an alias.</summary>
public sealed record NameExpressionSyntax(TextSpan Span, IdentifierSyntax Identifier) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Identifier);
}

/// <summary><c>target.member</c></summary>
public sealed record MemberAccessExpressionSyntax(TextSpan Span, ExpressionSyntax Target, IdentifierSyntax Member) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Target, Member);
}

/// <summary><c>function(arg, …)</c></summary>
public sealed record CallExpressionSyntax(TextSpan Span, IdentifierSyntax Function, ImmutableArray<ExpressionSyntax> Arguments) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Function, Arguments);
}

/// <summary><c>[a, b, …]</c></summary>
public sealed record ListExpressionSyntax(TextSpan Span, ImmutableArray<ExpressionSyntax> Elements) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Elements;
}

public sealed record ParenthesizedExpressionSyntax(TextSpan Span, ExpressionSyntax Inner) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Inner);
}

public enum UnaryOperator
{
    Negate,
    Not,
}

public sealed record UnaryExpressionSyntax(TextSpan Span, UnaryOperator Operator, TextSpan OperatorSpan, ExpressionSyntax Operand) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Operand);
}

public enum BinaryOperator
{
    Multiply,
    Divide,
    Modulo,
    Add,
    Subtract,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    And,
    Or,
}

public sealed record BinaryExpressionSyntax(
    TextSpan Span, ExpressionSyntax Left, BinaryOperator Operator, TextSpan OperatorSpan, ExpressionSyntax Right) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Left, Right);
}

/// <summary>Where the parser expected an expression and found none; its error is already reported.</summary>
public sealed record MissingExpressionSyntax(TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];
}
