using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Formatting;

/// <summary>Spells each rule clause on one line, with single spaces and the source text of every literal.</summary>
internal sealed class ClausePrinter(SourceCursor source)
{
    public string On(OnClauseSyntax on) => "on " + on.Event.Name + Alias(on.Alias);

    public string Print(RuleClauseSyntax clause) => clause switch
    {
        WhereClauseSyntax where => "where " + ExpressionPrinter.Print(where.Condition),
        ToClauseSyntax to => "to " + ExpressionPrinter.Print(to.Audience),
        DelayClauseSyntax { Duration: { } duration } => "delay " + duration.Text,
        DelayClauseSyntax delay => "delay until " + Required(delay.Until).Text + Zone(delay.Zone),
        UnlessClauseSyntax unless => "unless " + unless.Event.Name + Alias(unless.Alias) + Where(unless.Condition) + Within(unless.Within),
        WindowClauseSyntax window => Window(window),
        CapClauseSyntax cap => "cap " + Rate(cap.Rate),
        ActiveClauseSyntax active => "active" + (active.From is { } from ? " " + from.Text : "") + " .."
            + (active.Until is { } until ? " " + until.Text : ""),
        ReeligibleClauseSyntax reeligible => "reeligible after " + reeligible.After.Text,
        OnceClauseSyntax => "once",
        CategoryClauseSyntax category => "category " + category.Name.Name,
        PriorityClauseSyntax priority => "priority " + priority.Level.Name,
        DigestClauseSyntax digest => "digest " + digest.Frequency.Name + (digest.Day is { } day ? " on " + day.Name : "")
            + " at " + digest.At.Text + Zone(digest.Zone) + (digest.Max is { } max ? " max " + max.Text : ""),
        GoalClauseSyntax goal => "goal " + goal.Event.Name + Alias(goal.Alias) + Where(goal.Condition) + Within(goal.Within),
        _ => throw new ArgumentOutOfRangeException(nameof(clause), clause.GetType().Name),
    };

    public static string Rate(RateSyntax rate) =>
        rate.Count.Text + "/" + (rate.NamedPeriod?.Name ?? Required(rate.DurationPeriod).Text);

    private string Window(WindowClauseSyntax window)
    {
        var days = window.Days.Select(d => d.Last is null ? d.First.Name : d.First.Name + "-" + d.Last.Name);
        return "window " + window.Start.Text + "-" + window.End.Text + Zone(window.Zone)
            + (window.Days.IsEmpty ? "" : " " + string.Join(", ", days))
            + (window.ElseDrop ? " else drop" : "");
    }

    /// <summary>An omitted zone stays omitted: it means <c>local</c> but the user chose not to say so.</summary>
    private string Zone(ZoneSyntax? zone) => zone?.Kind switch
    {
        null => "",
        ZoneKind.Local => " local",
        ZoneKind.Utc => " utc",
        _ => " " + source.Text(Required(zone.Name).Span),
    };

    private static string Alias(IdentifierSyntax? alias) => alias is null ? "" : " as " + alias.Name;

    private static string Where(ExpressionSyntax? condition) => condition is null ? "" : " where " + ExpressionPrinter.Print(condition);

    private static string Within(DurationSyntax? within) => within is null ? "" : " within " + within.Text;

    private static T Required<T>(T? node) where T : class =>
        node ?? throw new InvalidOperationException("A required part of the clause is missing: the tree has errors.");
}
