using System.Collections.Immutable;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Syntax;

/// <summary><c>test "name" { … }</c>: a rule test in virtual time (LANGUAGE.md §10).</summary>
public sealed record TestDeclarationSyntax(TextSpan Span, StringLiteralSyntax Name, ImmutableArray<TestStatementSyntax> Statements)
    : TopLevelSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Name, Statements);
}

/// <summary>A statement of a test; <see cref="At"/> is its virtual time where it has one.</summary>
public abstract record TestStatementSyntax(TextSpan Span, DateTimeSyntax? At) : SyntaxNode(Span);

/// <summary><c>[at T] user ID { attribute: value, subscriptions: {…}, categories: {…} }</c></summary>
public sealed record TestUserSyntax(TextSpan Span, DateTimeSyntax? At, IdentifierSyntax Id, ObjectLiteralSyntax? Properties)
    : TestStatementSyntax(Span, At)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(At, Id, Properties);
}

/// <summary><c>[at T] event NAME for ID { field: value }</c></summary>
public sealed record TestEventSyntax(TextSpan Span, DateTimeSyntax? At, IdentifierSyntax Event, IdentifierSyntax UserId, ObjectLiteralSyntax? Properties)
    : TestStatementSyntax(Span, At)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(At, Event, UserId, Properties);
}

/// <summary><c>[at T] FOLLOWER follows FOLLOWEE</c></summary>
public sealed record TestFollowSyntax(TextSpan Span, DateTimeSyntax? At, IdentifierSyntax Follower, IdentifierSyntax Followee)
    : TestStatementSyntax(Span, At)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(At, Follower, Followee);
}

/// <summary>
/// <c>expect RULE STATUS [REASON] to ID [at T] [via CHANNEL] [with { field: "text" }]</c>,
/// or <c>expect no RULE to ID</c> (<see cref="IsNone"/>): the rule produced no outcome for ID.
/// </summary>
public sealed record TestExpectSyntax(
    TextSpan Span, bool IsNone, IdentifierSyntax Rule, IdentifierSyntax? Status, IdentifierSyntax? Reason, IdentifierSyntax UserId,
    DateTimeSyntax? At, IdentifierSyntax? Channel, ObjectLiteralSyntax? Fields)
    : TestStatementSyntax(Span, At)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Rule, Status, Reason, UserId, At, Channel, Fields);
}

/// <summary><c>{ name: value, … }</c> in a test; a value is an expression or a nested object.</summary>
public sealed record ObjectLiteralSyntax(TextSpan Span, ImmutableArray<PropertySyntax> Properties) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Properties;
}

public sealed record PropertySyntax(TextSpan Span, IdentifierSyntax Name, ExpressionSyntax? Value, ObjectLiteralSyntax? Nested) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Name, Value, Nested);
}
