using NodaTime;
using NodaTime.Extensions;
using NodaTime.Utility;
using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Engine.Time;

/// <summary>
/// <c>window</c> (LANGUAGE.md §3, §11). Each admitted day has one window: the local wall-clock span
/// [day + start, day + start + length), where the length is <c>end − start</c>, plus a day when the window crosses
/// midnight (<c>end ≤ start</c>, so a whole day when they are equal); the days are those it opens on. An instant is inside when its
/// local time is in some day's span, so both passes of a repeated hour are inside a window that covers it and no
/// instant is inside a span that lies wholly in a DST gap.
/// </summary>
public static class Windows
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;

    /// <summary>How many days after <c>from</c>'s local date the search for an opening goes: a week to reach any
    /// weekday, a second week in case that day's window lies wholly in a gap.</summary>
    private const int SearchDays = 15;

    /// <summary>Whether the window admits a send at <paramref name="instant"/> (by its local wall-clock time).</summary>
    public static bool Contains(WindowSpec window, DateTimeZone zone, DateTimeOffset instant) =>
        Contains(window, zone, instant.ToInstant());

    /// <summary>
    /// The window's next opening at or after <paramref name="from"/>: the earliest instant not before it at which the
    /// window goes from closed to open, or at which a day's window starts (so a window open all day long still opens
    /// each day at its start). A start time in a gap opens at the first instant after the gap, unless the window lies
    /// wholly in the gap: then it does not open that day. An ambiguous start opens at its first occurrence if that is
    /// not before <paramref name="from"/>, else at its second. On the night clocks go back, a window whose end lies in
    /// the repeated hour opens again when the clock, set back, shows a time inside it
    /// (<c>00:00-01:30</c> in New York: 01:00 EST, after it closed at 01:30 EDT). Null only when it never opens,
    /// which no valid window does.
    /// </summary>
    public static DateTimeOffset? NextOpening(WindowSpec window, DateTimeZone zone, DateTimeOffset from) =>
        NextOpening(window, zone, from.ToInstant())?.ToDateTimeOffset();

    /// <summary>
    /// A send time moved by the window: itself when inside (never moved), else the next opening — which is then the
    /// earliest instant after it that the window contains.
    /// </summary>
    /// <exception cref="InvalidOperationException">The window never opens (no valid window does).</exception>
    public static DateTimeOffset Defer(WindowSpec window, DateTimeZone zone, DateTimeOffset sendTime)
    {
        var instant = sendTime.ToInstant();
        if (Contains(window, zone, instant))
        {
            return sendTime.ToUniversalTime();
        }
        return NextOpening(window, zone, instant)?.ToDateTimeOffset()
            ?? throw new InvalidOperationException($"window {window.Start}-{window.End} in {zone.Id} never opens");
    }

    private static bool Contains(WindowSpec window, DateTimeZone zone, Instant instant)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return Spans(window, local.Date, local) || Spans(window, local.Date.PlusDays(-1), local);
    }

    private static Instant? NextOpening(WindowSpec window, DateTimeZone zone, Instant from)
    {
        var start = LocalTime.FromTimeOnly(window.Start);
        var today = from.InZone(zone).Date;
        Instant? opening = null;
        // Starts resolve to instants that grow with the date, so the first that opens is the earliest start.
        for (var date = today.PlusDays(-1); date <= today.PlusDays(SearchDays); date = date.PlusDays(1))
        {
            if (!OpensOn(window, date))
            {
                continue;
            }
            var instant = WallClock.Resolve(date + start, zone, from);
            if (instant >= from && Spans(window, date, instant.InZone(zone).LocalDateTime))
            {
                opening = instant;
                break;
            }
        }
        var reopening = NextReopening(window, zone, from, opening ?? from + Duration.FromDays(SearchDays + 1));
        return opening is null || reopening < opening ? reopening : opening;
    }

    /// <summary>
    /// The first offset change in [<paramref name="from"/>, <paramref name="until"/>) at which the window goes from
    /// closed to open without a day's start: the clock set back into a window's tail.
    /// </summary>
    private static Instant? NextReopening(WindowSpec window, DateTimeZone zone, Instant from, Instant until)
    {
        var interval = zone.GetZoneInterval(from);
        var change = interval.HasStart && interval.Start == from ? from : interval.HasEnd ? interval.End : (Instant?)null;
        while (change is { } instant && instant < until)
        {
            if (Contains(window, zone, instant) && !Contains(window, zone, instant - Duration.Epsilon))
            {
                return instant;
            }
            interval = zone.GetZoneInterval(instant);
            change = interval.HasEnd ? interval.End : null;
        }
        return null;
    }

    /// <summary>Whether <paramref name="local"/> is in the span of the window that opens on <paramref name="date"/>.</summary>
    private static bool Spans(WindowSpec window, LocalDate date, LocalDateTime local)
    {
        if (!OpensOn(window, date))
        {
            return false;
        }
        var sinceStart = Period.DaysBetween(date, local.Date) * TicksPerDay + local.TimeOfDay.TickOfDay - window.Start.Ticks;
        return sinceStart >= 0 && sinceStart < Length(window);
    }

    private static bool OpensOn(WindowSpec window, LocalDate date) =>
        window.Days.IsDefaultOrEmpty || window.Days.Contains(BclConversions.ToDayOfWeek(date.DayOfWeek));

    private static long Length(WindowSpec window)
    {
        var length = window.End.Ticks - window.Start.Ticks;
        return length > 0 ? length : length + TicksPerDay;
    }
}
