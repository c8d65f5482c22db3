using TriggerLang.Compiler.Semantics;
using TriggerLang.Engine.Time;
using static TriggerLang.Engine.Tests.Time.TimeFixtures;

namespace TriggerLang.Engine.Tests.Time;

/// <summary>Digest times (LANGUAGE.md §3, §11): the next daily or weekly HH:MM, the present instant included.</summary>
public class DigestTimeTests
{
    private static DigestSpec Daily(string at) => new(Weekly: false, DayOfWeek.Monday, Hm(at), ZoneSpec.Local, Max: null);

    private static DigestSpec Weekly(DayOfWeek day, string at) => new(Weekly: true, day, Hm(at), ZoneSpec.Local, Max: null);

    [Fact]
    public void A_daily_digest_goes_out_at_the_next_HH_MM()
    {
        AssertInstant(At("2026-12-02T09:00+01:00"), WallClock.NextDigest(At("2026-12-01T10:00+01:00"), Daily("09:00"), Paris));
    }

    [Fact]
    public void A_digest_time_includes_the_present_instant_when_it_matches_exactly()
    {
        AssertInstant(At("2026-12-01T09:00+01:00"), WallClock.NextDigest(At("2026-12-01T09:00+01:00"), Daily("09:00"), Paris));
        AssertInstant(At("2026-11-23T09:00+01:00"),
            WallClock.NextDigest(At("2026-11-23T09:00+01:00"), Weekly(DayOfWeek.Monday, "09:00"), Paris));
    }

    [Fact]
    public void A_weekly_digest_goes_out_on_its_day()
    {
        // Monday November 23 → Wednesday November 25.
        AssertInstant(At("2026-11-25T09:00+01:00"),
            WallClock.NextDigest(At("2026-11-23T08:00+01:00"), Weekly(DayOfWeek.Wednesday, "09:00"), Paris));
    }

    [Fact]
    public void A_weekly_digest_just_missed_waits_a_whole_week()
    {
        AssertInstant(At("2026-11-30T09:00+01:00"),
            WallClock.NextDigest(At("2026-11-23T09:00:01+01:00"), Weekly(DayOfWeek.Monday, "09:00"), Paris));
    }

    [Fact]
    public void A_weekly_digests_day_is_the_recipients_local_weekday()
    {
        // Monday 09:00 in Kiritimati is still Sunday in UTC.
        AssertInstant(At("2026-06-07T19:00Z"),
            WallClock.NextDigest(At("2026-06-06T12:00Z"), Weekly(DayOfWeek.Monday, "09:00"), Kiritimati));
    }

    [Fact]
    public void A_digest_time_in_the_gap_goes_out_at_the_first_instant_after_the_gap()
    {
        AssertInstant(At("2026-03-08T03:00-04:00"),
            WallClock.NextDigest(At("2026-03-02T12:00-05:00"), Weekly(DayOfWeek.Sunday, "02:30"), NewYork));
    }
}
