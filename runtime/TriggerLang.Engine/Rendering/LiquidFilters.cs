using System.Globalization;
using Scriban.Functions;
using Scriban.Runtime;

namespace TriggerLang.Engine.Rendering;

/// <summary>
/// Liquid filters that Scriban's Liquid mode lacks. Only <c>date</c> so far: Scriban maps the name to
/// its <c>date</c> object, so <c>{{ event.time | date: "%b %d" }}</c> would fail at send time. Ours
/// formats the ISO text that timestamps render as, in UTC, with Liquid's strftime codes. It reads no
/// clock: <c>"now"</c> and other text come back unchanged, as Liquid does with what it cannot parse,
/// so that a simulation renders the same whenever it runs.
/// </summary>
internal static class LiquidFilters
{
    private static readonly DateTimeFunctions Dates = new();

    /// <summary>Shared by every render: read-only, pushed below each message's own globals.</summary>
    public static ScriptObject Globals { get; } = Build();

    private static ScriptObject Build()
    {
        var globals = new ScriptObject();
        globals.Import("date", new Func<object?, string, object?>(Date));
        globals.IsReadOnly = true;
        return globals;
    }

    private static object? Date(object? value, string format) =>
        value is string text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? Dates.ToString(time.UtcDateTime, format, CultureInfo.InvariantCulture)
            : value;
}
