using System.Collections.Immutable;
using CsCheck;
using NodaTime;
using NodaTime.Extensions;
using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Engine.Tests.Time;

/// <summary>
/// Random zones, instants, times and windows for the time properties, biased towards where the calculus can go
/// wrong: instants near offset changes, times around midnight and the hours clocks change at.
/// </summary>
internal static class TimeGenerators
{
    private static readonly Instant From = Instant.FromUtc(2026, 1, 1, 0, 0);
    private static readonly Instant Until = Instant.FromUtc(2027, 1, 1, 0, 0);

    /// <summary>
    /// DST north and south, by 30 minutes (Lord Howe), at midnight (Santiago, whose gap and fold cross days), and
    /// without DST: half- and quarter-hour offsets, +14, UTC. All keep whole-minute offsets, so scanning whole UTC
    /// minutes sees every local HH:MM.
    /// </summary>
    public static readonly Gen<DateTimeZone> Zone = Gen.OneOf<DateTimeZone>(
        [.. new[] { "America/New_York", "Europe/Paris", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata",
            "Asia/Kathmandu", "Pacific/Kiritimati", "UTC" }.Select(id => DateTimeZoneProviders.Tzdb[id])]);

    public static readonly Gen<TimeOnly> TimeOfDay = Gen.OneOf<int>(Gen.Int[0, 24 * 60 - 1], Gen.OneOf<int>(0, 30, 60, 90, 105, 120, 135, 150, 170, 180, 23 * 60, 23 * 60 + 30))
        .Select(minute => new TimeOnly(minute / 60, minute % 60));

    /// <summary>Weekday sets, the empty one (every day) as often as any other kind.</summary>
    public static readonly Gen<ImmutableArray<DayOfWeek>> Days = Gen.OneOf<ImmutableArray<DayOfWeek>>(
        Gen.Const(ImmutableArray<DayOfWeek>.Empty),
        Gen.Int[1, 127].Select(mask => Enumerable.Range(0, 7).Where(day => (mask >> day & 1) == 1).Select(day => (DayOfWeek)day).ToImmutableArray()));

    public static readonly Gen<WindowSpec> Window = Gen.Select(TimeOfDay, TimeOfDay, Days, (start, end, days) => new WindowSpec(start, end, ZoneSpec.Local, days, ElseDrop: false));

    /// <summary>
    /// An instant of 2026 to the second: anywhere, within 36 hours of one of the zone's offset changes, or in the
    /// three hours before one (where a window can close and then, the clock set back, be open again) or the hour after.
    /// </summary>
    public static Gen<DateTimeOffset> InstantIn(DateTimeZone zone)
    {
        var anywhere = Gen.Long[From.ToUnixTimeSeconds(), Until.ToUnixTimeSeconds()].Select(Instant.FromUnixTimeSeconds);
        var changes = zone.GetZoneIntervals(From, Until).Where(interval => interval.HasStart && interval.Start > From)
            .Select(interval => interval.Start).ToArray();
        if (changes.Length == 0)
        {
            return anywhere.Select(instant => instant.ToDateTimeOffset());
        }
        var change = Gen.OneOf<Instant>(changes);
        var nearChange = Gen.Select(change, Gen.Long[-36 * 3600, 36 * 3600], (at, seconds) => at + Duration.FromSeconds(seconds));
        var atChange = Gen.Select(change, Gen.Long[-3 * 3600, 3600], (at, seconds) => at + Duration.FromSeconds(seconds));
        return Gen.OneOf<Instant>(anywhere, nearChange, atChange).Select(instant => instant.ToDateTimeOffset());
    }

    /// <summary>The whole UTC minutes in [<paramref name="from"/>, <paramref name="until"/>).</summary>
    public static IEnumerable<DateTimeOffset> WholeMinutes(DateTimeOffset from, DateTimeOffset until)
    {
        var ticks = (from.UtcTicks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute;
        for (var minute = new DateTimeOffset(ticks, TimeSpan.Zero); minute < until; minute = minute.AddMinutes(1))
        {
            yield return minute;
        }
    }

    public static LocalDateTime LocalIn(this DateTimeOffset instant, DateTimeZone zone) => instant.ToInstant().InZone(zone).LocalDateTime;
}
