using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Binding;

/// <summary><c>N/PERIOD</c> for rule caps and global limits: <c>hour</c>, <c>day</c>, <c>week</c> are 1 h, 24 h and 7 d (§11).</summary>
internal static class RateBinder
{
    private static readonly Dictionary<string, TimeSpan> NamedPeriods = new(StringComparer.Ordinal)
    {
        ["hour"] = TimeSpan.FromHours(1),
        ["day"] = TimeSpan.FromDays(1),
        ["week"] = TimeSpan.FromDays(7),
    };

    public static RateSpec? Bind(SourceFile file, RateSyntax rate, string what, List<Diagnostic> diagnostics)
    {
        TimeSpan? period = null;
        if (rate.NamedPeriod is { IsMissing: false } named)
        {
            if (NamedPeriods.TryGetValue(named.Name, out var known))
            {
                period = known;
            }
            else
            {
                diagnostics.Add(DiagnosticBuilder.At(file, named.Span)
                    .InvalidPeriod(named.Name, Suggestions.Closest(named.Name, NamedPeriods.Keys)));
            }
        }
        else if (rate.DurationPeriod is { Value: { } duration } durationSyntax)
        {
            if (duration <= TimeSpan.Zero)
            {
                diagnostics.Add(DiagnosticBuilder.At(file, durationSyntax.Span).NonPositiveDuration("a cap period"));
            }
            else
            {
                period = duration;
            }
        }
        if (rate.Count.Value is { } count && count < 1)
        {
            diagnostics.Add(DiagnosticBuilder.At(file, rate.Count.Span).InvalidCount($"the count of {what}"));
            return null;
        }
        return period is { } p && rate.Count.Value is { } n ? new RateSpec(n, p) : null;
    }
}
