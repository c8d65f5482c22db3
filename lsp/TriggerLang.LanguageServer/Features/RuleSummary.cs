using System.Text;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.LanguageServer.Features;

/// <summary>
/// A rule in plain English, for its hover: what triggers it, what filters and
/// delays it, what suppresses it, and what it sends. Expressions and values are
/// quoted as written, so the summary never disagrees with the source.
/// </summary>
public static class RuleSummary
{
    public static string Describe(BoundRule rule)
    {
        var file = rule.Location.File;
        var syntax = rule.Syntax;
        var text = new StringBuilder();
        text.Append($"When `{syntax.On.Event.Name}` happens");
        foreach (var clause in syntax.Clauses)
        {
            text.Append(Phrase(clause, file));
        }
        if (syntax.Send is { } send)
        {
            text.Append(", send ").Append(string.Join(", else ", send.Chain().Select(s => $"`{s.Channel.Name}`")));
        }
        return text.Append('.').ToString();
    }

    private static string Phrase(RuleClauseSyntax clause, SourceFile file)
    {
        string Quote(SyntaxNode? node) => node is null ? "" : $"`{file.GetText(node.Span)}`";
        return clause switch
        {
            WhereClauseSyntax where => $", if {Quote(where.Condition)}",
            ToClauseSyntax to => $", to {Quote(to.Audience)}",
            DelayClauseSyntax { Duration: { } d } => $", wait {Quote(d)}",
            DelayClauseSyntax delay => $", wait until {Quote(delay.Until)}{(delay.Zone is null ? "" : " " + file.GetText(delay.Zone.Span))}",
            UnlessClauseSyntax { Within: { } within } unless =>
                $", unless `{unless.Event.Name}`{Filter(unless.Condition)} happened in the {Quote(within)} before sending",
            UnlessClauseSyntax unless => $", unless `{unless.Event.Name}`{Filter(unless.Condition)} happens before sending",
            WindowClauseSyntax window => $", only inside the window {Quote(window)}",
            CapClauseSyntax cap => $", at most {Quote(cap.Rate)} per recipient",
            ActiveClauseSyntax active => $", only while active {Quote(active)}",
            ReeligibleClauseSyntax again => $", not again within {Quote(again.After)} of the last send",
            OnceClauseSyntax => ", once per recipient",
            CategoryClauseSyntax category => $", in category `{category.Name.Name}`",
            PriorityClauseSyntax priority => $", with priority `{priority.Level.Name}` (exempt from global limits)",
            DigestClauseSyntax digest => $", collected into a digest ({Quote(digest)})",
            GoalClauseSyntax goal => $", counting `{goal.Event.Name}`{Filter(goal.Condition)} within {Quote(goal.Within)} as a conversion",
            _ => "",
        };

        string Filter(ExpressionSyntax? condition) => condition is null ? "" : $" where {Quote(condition)}";
    }
}
