using System.Collections.Immutable;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Binding;

/// <summary>
/// A type-checked expression: what the back end compiles and the reference
/// interpreter evaluates. Every node keeps its syntax for spans and its type.
/// </summary>
public abstract record BoundExpression(ExpressionSyntax Syntax, TrigType Type);

/// <summary>Which record a field is read from when a predicate runs.</summary>
public enum RecordRoot
{
    /// <summary>The event that triggered the rule (<c>event</c>, or bare names in the rule's <c>where</c>).</summary>
    Trigger,
    /// <summary>The candidate event of an <c>unless F where …</c> or <c>goal G where …</c>.</summary>
    Candidate,
    /// <summary>The recipient's profile (<c>user.x</c>).</summary>
    User,
}

/// <summary>A literal; <see cref="Value"/> is a decimal, string, bool, TimeSpan, null, or for lists see <see cref="BoundList"/>.</summary>
public sealed record BoundLiteral(ExpressionSyntax Syntax, TrigType Type, object? Value) : BoundExpression(Syntax, Type);

public sealed record BoundFieldAccess(ExpressionSyntax Syntax, TrigType Type, RecordRoot Root, FieldSymbol Field) : BoundExpression(Syntax, Type);

/// <summary><c>user</c> on its own: the recipient's id.</summary>
public sealed record BoundRecipient(ExpressionSyntax Syntax) : BoundExpression(Syntax, TrigType.User);

public sealed record BoundUnary(ExpressionSyntax Syntax, TrigType Type, UnaryOperator Operator, BoundExpression Operand) : BoundExpression(Syntax, Type);

public sealed record BoundBinary(ExpressionSyntax Syntax, TrigType Type, BinaryOperator Operator, BoundExpression Left, BoundExpression Right)
    : BoundExpression(Syntax, Type);

public sealed record BoundCall(ExpressionSyntax Syntax, TrigType Type, FunctionSymbol Function, ImmutableArray<BoundExpression> Arguments)
    : BoundExpression(Syntax, Type);

public sealed record BoundList(ExpressionSyntax Syntax, TrigType Type, ImmutableArray<BoundExpression> Elements) : BoundExpression(Syntax, Type);

/// <summary>An expression with an error already reported; its type never causes a second one.</summary>
public sealed record BoundError(ExpressionSyntax Syntax) : BoundExpression(Syntax, TrigType.Error);
