using System.Globalization;
using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Engine.Decision;

/// <summary>Clauses written back the way the rule author wrote them, for explanations.</summary>
internal static class ClauseText
{
    public static string Window(WindowSpec window)
    {
        var text = $"{Clock(window.Start)}-{Clock(window.End)} {window.Zone}";
        return window.Days.IsEmpty ? text : $"{text} {string.Join(",", window.Days.Select(Day))}";
    }

    public static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A duration in the language's units (<c>1h30m</c>, <c>2w</c>).</summary>
    public static string Duration(TimeSpan span)
    {
        if (span.Days >= 7 && span.Days % 7 == 0 && span - TimeSpan.FromDays(span.Days) == TimeSpan.Zero)
        {
            return $"{span.Days / 7}w";
        }
        var parts = new (int Value, char Unit)[] { (span.Days, 'd'), (span.Hours, 'h'), (span.Minutes, 'm'), (span.Seconds, 's') }
            .Where(p => p.Value > 0)
            .Select(p => $"{p.Value}{p.Unit}");
        var text = string.Concat(parts);
        return text.Length == 0 ? "0s" : text;
    }

    private static string Day(DayOfWeek day) => day.ToString()[..3].ToLowerInvariant();
}
