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

    /// <summary>A duration in the language's units (<c>1h30m</c>, <c>7d</c>), as templates render it.</summary>
    public static string Duration(TimeSpan span) => Rendering.TemplateValues.Duration(span);

    private static string Day(DayOfWeek day) => day.ToString()[..3].ToLowerInvariant();
}
