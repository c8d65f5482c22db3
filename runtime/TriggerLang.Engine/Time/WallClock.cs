using NodaTime;
using NodaTime.Extensions;
using NodaTime.Utility;
using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Engine.Time;

/// <summary>
/// Wall-clock times made instants (LANGUAGE.md §3 DST rule, §11): <c>delay until</c> and digest times. Instants are
/// <see cref="DateTimeOffset"/> in UTC at the edges; the calculus is NodaTime's, with its own tz database.
/// </summary>
public static class WallClock
{
    /// <summary>
    /// A local date-time made an instant. In a gap (spring forward) it is the first instant after the gap. When
    /// ambiguous (fall back) it is its first occurrence if that is at or after <paramref name="notBefore"/>, else its
    /// second — even if the second is before <paramref name="notBefore"/> too: choosing another day is the caller's.
    /// </summary>
    public static DateTimeOffset Resolve(LocalDateTime local, DateTimeZone zone, DateTimeOffset notBefore) =>
        Resolve(local, zone, notBefore.ToInstant()).ToDateTimeOffset();

    /// <summary>
    /// <c>delay until HH:MM</c>: the first instant at or after <paramref name="from"/> whose local time is exactly
    /// <paramref name="at"/> (to the tick: a trigger at 10:00:30 with <c>until 10:00</c> waits for tomorrow), or the
    /// instant that stands for it on a day it falls in a gap. <paramref name="from"/> itself counts (§11).
    /// </summary>
    public static DateTimeOffset NextAt(DateTimeOffset from, TimeOnly at, DateTimeZone zone) =>
        Next(from.ToInstant(), LocalTime.FromTimeOnly(at), zone, _ => true).ToDateTimeOffset();

    /// <summary>
    /// The next digest time at or after <paramref name="from"/> (§11 includes the present instant): daily, or weekly
    /// on <see cref="DigestSpec.Day"/>, the weekday being that of the local date the time is read on.
    /// </summary>
    public static DateTimeOffset NextDigest(DateTimeOffset from, DigestSpec spec, DateTimeZone zone)
    {
        var day = BclConversions.ToIsoDayOfWeek(spec.Day);
        return Next(from.ToInstant(), LocalTime.FromTimeOnly(spec.At), zone, date => !spec.Weekly || date.DayOfWeek == day)
            .ToDateTimeOffset();
    }

    internal static Instant Resolve(LocalDateTime local, DateTimeZone zone, Instant notBefore)
    {
        var mapping = zone.MapLocal(local);
        return mapping.Count switch
        {
            0 => mapping.LateInterval.Start,
            1 => mapping.Single().ToInstant(),
            _ => mapping.First().ToInstant() >= notBefore ? mapping.First().ToInstant() : mapping.Last().ToInstant(),
        };
    }

    /// <summary>
    /// The first day's resolved time at or after <paramref name="from"/>, over the days that <paramref name="onDay"/>
    /// admits. Resolved times grow with the date, so the first that is not before <paramref name="from"/> is the
    /// earliest. The search starts the day before <paramref name="from"/>'s local date because a clock set back
    /// across midnight shows yesterday's times again; it ends within a week, where every weekday comes round.
    /// </summary>
    private static Instant Next(Instant from, LocalTime at, DateTimeZone zone, Func<LocalDate, bool> onDay)
    {
        var today = from.InZone(zone).Date;
        for (var date = today.PlusDays(-1); ; date = date.PlusDays(1))
        {
            if (!onDay(date))
            {
                continue;
            }
            var instant = Resolve(date + at, zone, from);
            if (instant >= from)
            {
                return instant;
            }
        }
    }
}
