using NodaTime;
using TriggerLang.Engine.Time;
using static TriggerLang.Engine.Tests.Time.TimeFixtures;

namespace TriggerLang.Engine.Tests.Time;

/// <summary><c>delay until HH:MM</c> (LANGUAGE.md §3, §11): the next such local time, the present instant included.</summary>
public class DelayUntilTests
{
    [Fact]
    public void Delay_until_includes_the_present_instant_when_it_matches_exactly()
    {
        AssertInstant(At("2026-12-01T10:00+01:00"), WallClock.NextAt(At("2026-12-01T10:00+01:00"), Hm("10:00"), Paris));
    }

    [Fact]
    public void Delay_until_a_time_still_ahead_today_is_today()
    {
        AssertInstant(At("2026-12-01T10:00+01:00"), WallClock.NextAt(At("2026-12-01T08:12+01:00"), Hm("10:00"), Paris));
    }

    [Fact]
    public void Delay_until_a_time_passed_by_a_second_is_tomorrow()
    {
        AssertInstant(At("2026-12-02T10:00+01:00"), WallClock.NextAt(At("2026-12-01T10:00:01+01:00"), Hm("10:00"), Paris));
    }

    [Fact]
    public void Delay_until_follows_the_wall_clock_across_a_DST_change()
    {
        // 23 hours later, not 24: the night of March 29 is an hour short in Paris.
        AssertInstant(At("2026-03-29T09:00+02:00"), WallClock.NextAt(At("2026-03-28T10:00+01:00"), Hm("09:00"), Paris));
    }

    [Fact]
    public void Delay_until_a_time_in_the_gap_is_the_first_instant_after_the_gap_and_the_time_itself_the_next_day()
    {
        AssertInstant(At("2026-03-08T03:00-04:00"), WallClock.NextAt(At("2026-03-07T12:00-05:00"), Hm("02:30"), NewYork));
        AssertInstant(At("2026-03-09T02:30-04:00"), WallClock.NextAt(At("2026-03-08T03:00:01-04:00"), Hm("02:30"), NewYork));
    }

    [Fact]
    public void Delay_until_a_time_in_Lord_Howes_30_minute_gap_is_the_end_of_the_gap()
    {
        AssertInstant(At("2026-10-04T02:30+11:00"), WallClock.NextAt(At("2026-10-04T01:00+10:30"), Hm("02:15"), LordHowe));
    }

    [Theory]
    [InlineData("2026-11-01T01:00-04:00", "2026-11-01T01:30-04:00")]
    [InlineData("2026-11-01T01:40-04:00", "2026-11-01T01:30-05:00")]
    [InlineData("2026-11-01T01:40-05:00", "2026-11-02T01:30-05:00")]
    public void Delay_until_a_repeated_time_is_its_first_occurrence_if_still_ahead_else_its_second(string from, string expected)
    {
        AssertInstant(At(expected), WallClock.NextAt(At(from), Hm("01:30"), NewYork));
    }

    [Fact]
    public void Delay_until_reads_a_half_hour_offset_zone()
    {
        AssertInstant(At("2026-06-01T09:00+05:30"), WallClock.NextAt(At("2026-06-01T03:00Z"), Hm("09:00"), Kolkata));
    }

    [Fact]
    public void Delay_until_counts_days_by_the_local_date_across_the_date_line()
    {
        // 20:00 UTC on June 1 is already 10:00 on June 2 in Kiritimati, so 09:00 there comes on June 3.
        AssertInstant(At("2026-06-03T09:00+14:00"), WallClock.NextAt(At("2026-06-01T20:00Z"), Hm("09:00"), Kiritimati));
    }

    [Fact]
    public void Delay_until_utc_reads_the_UTC_clock()
    {
        AssertInstant(At("2026-06-02T09:00Z"), WallClock.NextAt(At("2026-06-01T20:00Z"), Hm("09:00"), DateTimeZone.Utc));
    }
}
