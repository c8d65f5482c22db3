using System.Collections;
using System.Globalization;
using System.Text;
using Scriban.Runtime;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Rendering;

/// <summary>
/// Turns the typed records into the only things a template may touch: <see cref="ScriptObject"/>s,
/// <see cref="TemplateList"/>s, strings, decimals and booleans. No CLR record ever reaches Scriban,
/// so a template cannot reflect into the engine. Timestamps and durations become their text
/// (LANGUAGE.md §11), which is also what Liquid's <c>date</c> filter reads.
/// </summary>
internal sealed class TemplateValues(SemanticModel model)
{
    private readonly Dictionary<string, IReadOnlyList<FieldSymbol>> _eventFields = model.Schema.Events.ToDictionary(
        e => e.Key, e => e.Value.Fields, StringComparer.Ordinal);

    /// <summary>The globals of one message: only those its fields <paramref name="reads"/>, in a fixed order.</summary>
    public ScriptObject Globals(BoundRule rule, RenderScope scope, TemplateReads reads)
    {
        // Sized up front: growing Scriban's dictionaries showed in profiles. Same insertion order, same objects.
        var globals = new ScriptObject(6);
        if (reads.Reads("user"))
        {
            globals["user"] = User(scope.User);
        }
        var alias = rule.TriggerAlias;
        if (reads.Reads("event") || (alias is not null && reads.Reads(alias)))
        {
            var trigger = Event(scope.Trigger);
            globals["event"] = trigger;
            if (alias is not null)
            {
                globals[alias] = trigger;
            }
        }
        if (reads.Reads("rule"))
        {
            globals["rule"] = new ScriptObject(2) { ["name"] = rule.Name, ["title"] = rule.Title };
        }
        if (scope.DigestEvents is { } events)
        {
            if (reads.Reads("events"))
            {
                var list = new TemplateList();
                list.AddRange(events.Select(Event));
                globals["events"] = list;
            }
            if (reads.Reads("count"))
            {
                globals["count"] = scope.Count ?? events.Count;
            }
        }
        return globals;
    }

    private ScriptObject User(UserRecord user)
    {
        var attributes = model.Schema.User.Attributes;
        var result = new ScriptObject(attributes.Count);
        for (var i = 0; i < attributes.Count; i++)
        {
            result[attributes[i].Name] = Value(user.GetAttribute(i));
        }
        return result;
    }

    private ScriptObject Event(EventRecord record)
    {
        if (!_eventFields.TryGetValue(record.Name, out var fields))
        {
            return new ScriptObject();
        }
        var result = new ScriptObject(fields.Count);
        for (var i = 0; i < fields.Count; i++)
        {
            result[fields[i].Name] = Value(record.GetField(i));
        }
        return result;
    }

    /// <summary>A field value as the template sees it; absent stays null, which Liquid renders as empty.</summary>
    public static object? Value(object? value) => value switch
    {
        null => null,
        string or bool => value,
        decimal number => Normalize(number),
        DateTimeOffset time => IsoTime.Format(time),
        TimeSpan duration => Duration(duration),
        IEnumerable items => List(items),
        // The record layouts hold only the types above; anything else is shown, never exposed.
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static TemplateList List(IEnumerable items)
    {
        var list = new TemplateList();
        foreach (var item in items)
        {
            list.Add(Value(item));
        }
        return list;
    }

    /// <summary>Drops trailing zeros so that Liquid arithmetic and output agree: 150.50 → 150.5, 3.0 → 3.</summary>
    public static decimal Normalize(decimal number) => number / 1.0000000000000000000000000000m;

    /// <summary>
    /// A duration in the language's own notation, largest unit first: <c>1d2h30m</c>, <c>45s</c>,
    /// <c>1.5s</c>, <c>0s</c>; a negative one with a leading <c>-</c>. Days are the largest unit because
    /// weeks are rarely what a reader expects (<c>14d</c>, not <c>2w</c>).
    /// </summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }
        var text = new StringBuilder();
        if (duration < TimeSpan.Zero)
        {
            text.Append('-');
        }
        var ticks = duration == TimeSpan.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(duration.Ticks);
        Append(text, ticks / TimeSpan.TicksPerDay, "d");
        Append(text, ticks / TimeSpan.TicksPerHour % 24, "h");
        Append(text, ticks / TimeSpan.TicksPerMinute % 60, "m");
        var seconds = ticks % TimeSpan.TicksPerMinute / (decimal)TimeSpan.TicksPerSecond;
        if (seconds != 0)
        {
            text.Append(Normalize(seconds).ToString(CultureInfo.InvariantCulture)).Append('s');
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, ulong amount, string unit)
    {
        if (amount != 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
