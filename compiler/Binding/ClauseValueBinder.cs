using System.Collections.Immutable;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Binding;

/// <summary>Validates the literal values of clauses (times, zones, weekdays, durations, dates) and turns them into specs.</summary>
internal sealed class ClauseValueBinder(SourceFile file, List<Diagnostic> diagnostics)
{
    private static readonly string[] WeekdayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public DelaySpec? Delay(DelayClauseSyntax delay)
    {
        var zone = Zone(delay.Zone);
        if (delay.Until is not null)
        {
            return delay.Until.Value is { } until && zone is not null ? new DelaySpec(null, until, zone) : null;
        }
        if (delay.Duration?.Value is { } duration)
        {
            return new DelaySpec(duration, null, ZoneSpec.Local);
        }
        return null;
    }

    public WindowSpec? Window(WindowClauseSyntax window)
    {
        var zone = Zone(window.Zone);
        var days = Weekdays(window.Days);
        if (window.Start.Value is not { } start || window.End.Value is not { } end || zone is null || days is null)
        {
            return null;
        }
        if (start == end && days.Value.IsEmpty)
        {
            diagnostics.Add(DiagnosticBuilder.At(file, TextSpan.FromBounds(window.Start.Span.Start, window.End.Span.End)).ZeroLengthWindow());
        }
        return new WindowSpec(start, end, zone, days.Value, window.ElseDrop);
    }

    public (DateTimeOffset? From, DateTimeOffset? Until) Active(ActiveClauseSyntax active)
    {
        var from = active.From?.Value;
        var until = active.Until?.Value;
        if (from is { } f && until is { } u && f >= u)
        {
            diagnostics.Add(DiagnosticBuilder.At(file, active.Span).EmptyActiveRange());
        }
        return (from?.ToUniversalTime(), until?.ToUniversalTime());
    }

    public DigestSpec? Digest(DigestClauseSyntax digest)
    {
        bool? weekly = null;
        if (!digest.Frequency.IsMissing)
        {
            weekly = digest.Frequency.Name switch
            {
                "daily" => false,
                "weekly" => true,
                _ => null,
            };
            if (weekly is null)
            {
                diagnostics.Add(DiagnosticBuilder.At(file, digest.Frequency.Span).InvalidDigestFrequency(digest.Frequency.Name,
                    Suggestions.Closest(digest.Frequency.Name, ["daily", "weekly"])));
            }
        }
        var day = DayOfWeek.Monday;
        if (digest.Day is { IsMissing: false } daySyntax)
        {
            if (weekly == false)
            {
                diagnostics.Add(DiagnosticBuilder.At(file, daySyntax.Span).DigestDayNotWeekly());
            }
            day = Weekday(daySyntax) ?? day;
        }
        if (digest.Max is { Value: < 1 } max)
        {
            diagnostics.Add(DiagnosticBuilder.At(file, max.Span).InvalidCount("the digest's max"));
        }
        var zone = Zone(digest.Zone);
        return weekly is { } w && digest.At.Value is { } at && zone is not null ? new DigestSpec(w, day, at, zone, digest.Max?.Value) : null;
    }

    public TimeSpan? PositiveDuration(DurationSyntax? duration, string what)
    {
        if (duration?.Value is not { } value)
        {
            return null;
        }
        if (value <= TimeSpan.Zero)
        {
            diagnostics.Add(DiagnosticBuilder.At(file, duration.Span).NonPositiveDuration(what));
            return null;
        }
        return value;
    }

    /// <summary>The zone of a clause; an omitted zone means <c>local</c> (§11). Null when the named zone is unknown.</summary>
    public ZoneSpec? Zone(ZoneSyntax? zone)
    {
        if (zone is null || zone.Kind == ZoneKind.Local)
        {
            return ZoneSpec.Local;
        }
        if (zone.Kind == ZoneKind.Utc)
        {
            return new ZoneSpec(ZoneKind.Utc, null);
        }
        var name = zone.Name!.Value;
        if (TimeZones.IsKnown(name))
        {
            return new ZoneSpec(ZoneKind.Named, name);
        }
        diagnostics.Add(DiagnosticBuilder.At(file, zone.Span).UnknownTimeZone(name, TimeZones.Suggest(name)));
        return null;
    }

    /// <summary>Weekday ranges (<c>mon-fri</c>, wrapping like <c>fri-mon</c>) and lists; empty means every day.</summary>
    private ImmutableArray<DayOfWeek>? Weekdays(ImmutableArray<WeekdayRangeSyntax> ranges)
    {
        var days = new SortedSet<DayOfWeek>();
        var ok = true;
        foreach (var range in ranges)
        {
            var first = Weekday(range.First);
            var last = range.Last is null ? first : Weekday(range.Last);
            if (first is not { } from || last is not { } to)
            {
                ok = false;
                continue;
            }
            for (var d = from; ; d = (DayOfWeek)(((int)d + 1) % 7))
            {
                days.Add(d);
                if (d == to)
                {
                    break;
                }
            }
        }
        return ok ? days.ToImmutableArray() : null;
    }

    private DayOfWeek? Weekday(IdentifierSyntax name)
    {
        if (name.IsMissing)
        {
            return null;
        }
        var index = Array.IndexOf(WeekdayNames, name.Name);
        if (index >= 0)
        {
            return (DayOfWeek)index;
        }
        // "monday" or "Saturday": suggest the three-letter name it starts with.
        var suggestion = WeekdayNames.FirstOrDefault(w => name.Name.StartsWith(w, StringComparison.OrdinalIgnoreCase))
            ?? Suggestions.Closest(name.Name, WeekdayNames);
        diagnostics.Add(DiagnosticBuilder.At(file, name.Span).InvalidWeekday(name.Name, suggestion));
        return null;
    }
}
