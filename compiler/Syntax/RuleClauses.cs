using System.Collections.Immutable;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Syntax;

/// <summary>A clause between <c>on</c> and <c>send</c>. <see cref="KeywordSpan"/> covers its leading keyword.</summary>
public abstract record RuleClauseSyntax(TextSpan Span, TextSpan KeywordSpan) : SyntaxNode(Span)
{
    /// <summary>The clause keyword as written in source, for messages.</summary>
    public abstract string Keyword { get; }
}

public sealed record WhereClauseSyntax(TextSpan Span, TextSpan KeywordSpan, ExpressionSyntax Condition) : RuleClauseSyntax(Span, KeywordSpan)
{
    public override string Keyword => "where";
    public override IEnumerable<SyntaxNode> Children => Nodes(Condition);
}

public sealed record ToClauseSyntax(TextSpan Span, TextSpan KeywordSpan, ExpressionSyntax Audience) : RuleClauseSyntax(Span, KeywordSpan)
{
    public override string Keyword => "to";
    public override IEnumerable<SyntaxNode> Children => Nodes(Audience);
}

/// <summary><c>delay D</c> or <c>delay until HH:MM [zone]</c>.</summary>
public sealed record DelayClauseSyntax(TextSpan Span, TextSpan KeywordSpan, DurationSyntax? Duration, TimeOfDaySyntax? Until, ZoneSyntax? Zone)
    : RuleClauseSyntax(Span, KeywordSpan)
{
    public override string Keyword => "delay";
    public override IEnumerable<SyntaxNode> Children => Nodes(Duration, Until, Zone);
}

/// <summary><c>unless F [as a] [where …] [within D]</c></summary>
public sealed record UnlessClauseSyntax(
    TextSpan Span, TextSpan KeywordSpan, IdentifierSyntax Event, IdentifierSyntax? Alias, ExpressionSyntax? Condition, DurationSyntax? Within)
    : RuleClauseSyntax(Span, KeywordSpan)
{
    public override string Keyword => "unless";
    public override IEnumerable<SyntaxNode> Children => Nodes(Event, Alias, Condition, Within);
}

/// <summary><c>window HH:MM-HH:MM [zone] [days] [else drop]</c></summary>
public sealed record WindowClauseSyntax(
    TextSpan Span, TextSpan KeywordSpan, TimeOfDaySyntax Start, TimeOfDaySyntax End, ZoneSyntax? Zone,
    ImmutableArray<WeekdayRangeSyntax> Days, bool ElseDrop)
    : RuleClauseSyntax(Span, KeywordSpan)
{
    public override string Keyword => "window";
    public override IEnumerable<SyntaxNode> Children => Nodes(Start, End, Zone, Days);
}

/// <summary><c>mon</c> or <c>mon-fri</c> in a window's day list.</summary>
public sealed record WeekdayRangeSyntax(TextSpan Span, IdentifierSyntax First, IdentifierSyntax? Last) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(First, Last);
}

public sealed record CapClauseSyntax(TextSpan Span, TextSpan KeywordSpan, RateSyntax Rate) : RuleClauseSyntax(Span, KeywordSpan)
{
    public override string Keyword => "cap";
    public override IEnumerable<SyntaxNode> Children => Nodes(Rate);
}

/// <summary><c>active A .. B</c>, either side open.</summary>
public sealed record ActiveClauseSyntax(TextSpan Span, TextSpan KeywordSpan, DateTimeSyntax? From, DateTimeSyntax? Until)
    : RuleClauseSyntax(Span, KeywordSpan)
{
    public override string Keyword => "active";
    public override IEnumerable<SyntaxNode> Children => Nodes(From, Until);
}

public sealed record ReeligibleClauseSyntax(TextSpan Span, TextSpan KeywordSpan, DurationSyntax After) : RuleClauseSyntax(Span, KeywordSpan)
{
    public override string Keyword => "reeligible";
    public override IEnumerable<SyntaxNode> Children => Nodes(After);
}

public sealed record OnceClauseSyntax(TextSpan Span, TextSpan KeywordSpan) : RuleClauseSyntax(Span, KeywordSpan)
{
    public override string Keyword => "once";
    public override IEnumerable<SyntaxNode> Children => [];
}

public sealed record CategoryClauseSyntax(TextSpan Span, TextSpan KeywordSpan, IdentifierSyntax Name) : RuleClauseSyntax(Span, KeywordSpan)
{
    public override string Keyword => "category";
    public override IEnumerable<SyntaxNode> Children => Nodes(Name);
}

public sealed record PriorityClauseSyntax(TextSpan Span, TextSpan KeywordSpan, IdentifierSyntax Level) : RuleClauseSyntax(Span, KeywordSpan)
{
    public override string Keyword => "priority";
    public override IEnumerable<SyntaxNode> Children => Nodes(Level);
}

/// <summary><c>digest daily|weekly [on DAY] at HH:MM [zone] [max N]</c></summary>
public sealed record DigestClauseSyntax(
    TextSpan Span, TextSpan KeywordSpan, IdentifierSyntax Frequency, IdentifierSyntax? Day, TimeOfDaySyntax At, ZoneSyntax? Zone,
    IntegerSyntax? Max)
    : RuleClauseSyntax(Span, KeywordSpan)
{
    public override string Keyword => "digest";
    public override IEnumerable<SyntaxNode> Children => Nodes(Frequency, Day, At, Zone, Max);
}

/// <summary><c>goal G [as a] [where …] within D</c></summary>
public sealed record GoalClauseSyntax(
    TextSpan Span, TextSpan KeywordSpan, IdentifierSyntax Event, IdentifierSyntax? Alias, ExpressionSyntax? Condition, DurationSyntax? Within)
    : RuleClauseSyntax(Span, KeywordSpan)
{
    public override string Keyword => "goal";
    public override IEnumerable<SyntaxNode> Children => Nodes(Event, Alias, Condition, Within);
}
