using System.Collections.Immutable;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Syntax;

/// <summary><c>event NAME { field: type … }</c></summary>
public sealed record EventDeclarationSyntax(TextSpan Span, IdentifierSyntax Name, ImmutableArray<FieldDeclarationSyntax> Fields)
    : TopLevelSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Name, Fields);
}

/// <summary><c>user { attribute: type … }</c>: the recipient profile's declared attributes.</summary>
public sealed record UserDeclarationSyntax(TextSpan Span, TextSpan KeywordSpan, ImmutableArray<FieldDeclarationSyntax> Fields)
    : TopLevelSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Fields;
}

/// <summary><c>name: type</c> in an event or user declaration.</summary>
public sealed record FieldDeclarationSyntax(TextSpan Span, IdentifierSyntax Name, TypeSyntax Type) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Name, Type);
}

/// <summary>A type reference: <c>string</c>, <c>money?</c>, <c>list&lt;int&gt;</c>.</summary>
public sealed record TypeSyntax(TextSpan Span, IdentifierSyntax Name, TypeSyntax? Argument, bool IsOptional) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Name, Argument);
}

/// <summary><c>settings { timezone "UTC" }</c></summary>
public sealed record SettingsDeclarationSyntax(TextSpan Span, ImmutableArray<SettingSyntax> Settings) : TopLevelSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Settings;
}

public sealed record SettingSyntax(TextSpan Span, IdentifierSyntax Name, LiteralExpressionSyntax Value) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Name, Value);
}

/// <summary><c>limits { cap 6/day  cap push 2/day }</c>: global caps per recipient.</summary>
public sealed record LimitsDeclarationSyntax(TextSpan Span, ImmutableArray<LimitCapSyntax> Caps) : TopLevelSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Caps;
}

/// <summary>One global cap; <see cref="Channel"/> is null for "all channels together".</summary>
public sealed record LimitCapSyntax(TextSpan Span, IdentifierSyntax? Channel, RateSyntax Rate) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Channel, Rate);
}

/// <summary><c>N/PERIOD</c> where the period is <c>hour</c>, <c>day</c>, <c>week</c> or a duration.</summary>
public sealed record RateSyntax(TextSpan Span, IntegerSyntax Count, IdentifierSyntax? NamedPeriod, DurationSyntax? DurationPeriod)
    : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Count, NamedPeriod, DurationPeriod);
}
