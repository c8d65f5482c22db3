using System.Globalization;
using System.Security.Cryptography;
using System.Xml;
using TriggerLang.Compiler.Emit;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Packs;

/// <summary>Turns a compiled project into its <see cref="RulePackManifest"/>.</summary>
internal static class ManifestBuilder
{
    public static RulePackManifest Build(Compilation compilation, RulePackBuild build, DateTimeOffset createdAt)
    {
        if (build.Assembly is null)
        {
            throw new InvalidOperationException("a failed build has no rule pack; report RulePackBuild.Diagnostics instead");
        }
        var model = compilation.Model;
        var root = Path.GetFullPath(compilation.Options.ProjectRoot ?? Directory.GetCurrentDirectory());
        var trigFiles = compilation.SyntaxTrees.Select(t => SourceHash.Relative(root, t.File.Path)).ToHashSet(StringComparer.Ordinal);
        var sources = SourceHash.Inputs(compilation)
            .Select(f => new ManifestSource(f.Path, trigFiles.Contains(f.Path) ? "rules" : "template"))
            .ToList();
        return new RulePackManifest(
            RulePackManifest.CurrentFormatVersion,
            SourceHash.CompilerVersion,
            SourceHash.Compute(compilation),
            createdAt,
            Convert.ToHexStringLower(SHA256.HashData(build.Assembly)),
            sources,
            Schema(model.Schema),
            new ManifestSettings(model.Settings.TimeZone),
            [.. model.Limits.Select(l => new ManifestLimit(l.Channel, l.Count, Duration(l.Period)))],
            Channels(model),
            [.. model.Rules.Select(r => Rule(r, root))]);
    }

    private static ManifestSchema Schema(Schema schema) => new(
        [.. schema.Events.Values.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e =>
            new ManifestEvent(e.Name, e.IsBuiltIn, [.. e.Fields.Select(Field)]))],
        [.. schema.User.Attributes.Select(Field)]);

    private static ManifestField Field(FieldSymbol field) => new(field.Name, field.Type.ToString(), field.IsBuiltIn);

    private static List<ManifestChannel> Channels(SemanticModel model) =>
    [
        .. model.Rules.SelectMany(r => r.Sends).Select(s => s.Channel)
            .DistinctBy(c => c.Name, StringComparer.Ordinal)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new ManifestChannel(c.Name, c.AddressAttribute, [.. c.Fields.Select(f => new ManifestChannelField(f.Name, f.IsRequired, f.IsPrimary))])),
    ];

    private static ManifestRule Rule(BoundRule rule, string root)
    {
        var file = rule.Location.File;
        string? Text(ExpressionSyntax? expression) => expression is null ? null : file.GetText(expression.Span);
        var goalSyntax = rule.Syntax.Clause<GoalClauseSyntax>();
        return new ManifestRule(
            rule.Name,
            rule.Title,
            rule.IsAnonymous,
            SourceHash.Relative(root, file.Path),
            file.GetLinePosition(rule.Location.Span.Start).Line + 1,
            // A rule with errors never reaches a pack, so its trigger is bound.
            rule.Trigger?.Name ?? "",
            rule.TriggerAlias,
            Text(rule.Syntax.Clause<WhereClauseSyntax>()?.Condition),
            new ManifestAudience(Camel(rule.Audience.Kind.ToString()), Text(rule.Syntax.Clause<ToClauseSyntax>()?.Audience)),
            rule.Delay is { } d ? new ManifestDelay(Duration(d.Duration), Time(d.Until), Zone(d.Zone)) : null,
            [.. rule.Unless.Select(u => new ManifestUnless(u.Event.Name, u.Alias, Text(u.Syntax.Condition), Duration(u.Within)))],
            rule.Window is { } w ? new ManifestWindow(Time(w.Start)!, Time(w.End)!, Zone(w.Zone), [.. w.Days.Select(Day)], w.ElseDrop) : null,
            rule.Cap is { } c ? new ManifestRate(c.Count, Duration(c.Period)) : null,
            rule.ActiveFrom is null && rule.ActiveUntil is null ? null : new ManifestActive(rule.ActiveFrom, rule.ActiveUntil),
            new ManifestReeligibility(Camel(rule.Reeligibility.Kind.ToString()), Duration(rule.Reeligibility.After)),
            rule.Category,
            rule.IsTransactional,
            rule.Digest is { } g ? new ManifestDigest(g.Weekly ? "weekly" : "daily", g.Weekly ? Day(g.Day) : null, Time(g.At)!, Zone(g.Zone), g.Max) : null,
            rule.Goal is { } goal ? new ManifestGoal(goal.Event.Name, goal.Alias, Text(goalSyntax?.Condition), Duration(goal.Within)) : null,
            [.. rule.Sends.Select(s => new ManifestSend(s.Channel.Name, [.. s.Fields.Select(f =>
                new ManifestTemplate(f.Field, f.Text, f.FilePath is null ? null : SourceHash.Relative(root, f.FilePath)))]))]);
    }

    /// <summary>ISO 8601 (<c>PT30M</c>, <c>P1D</c>): standard, and read back by <see cref="XmlConvert.ToTimeSpan"/>.</summary>
    private static string Duration(TimeSpan span) => XmlConvert.ToString(span);

    private static string? Duration(TimeSpan? span) => span is { } s ? Duration(s) : null;

    private static string? Time(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Zone(ZoneSpec zone) => zone.Kind switch
    {
        ZoneKind.Local => "local",
        ZoneKind.Utc => "utc",
        _ => zone.Name ?? "",
    };

    private static string Day(DayOfWeek day) => day.ToString()[..3].ToLowerInvariant();

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
