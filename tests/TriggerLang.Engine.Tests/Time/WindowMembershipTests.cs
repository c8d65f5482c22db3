using TriggerLang.Engine.Time;
using static TriggerLang.Engine.Tests.Time.TimeFixtures;

namespace TriggerLang.Engine.Tests.Time;

/// <summary>Which instants a <c>window</c> contains (LANGUAGE.md §3, §11), by the local wall-clock time of the instant.</summary>
public class WindowMembershipTests
{
    [Theory]
    [InlineData("2026-12-01T08:59+01:00", false)]
    [InlineData("2026-12-01T09:00+01:00", true)]
    [InlineData("2026-12-01T20:59:59+01:00", true)]
    [InlineData("2026-12-01T21:00+01:00", false)]
    public void Windows_are_start_inclusive_and_end_exclusive(string instant, bool inside)
    {
        Assert.Equal(inside, Windows.Contains(Window("09:00-21:00"), Paris, At(instant)));
    }

    [Theory]
    [InlineData("2026-01-09T21:59+01:00", false)] // Friday, before it opens
    [InlineData("2026-01-09T22:00+01:00", true)]  // Friday night
    [InlineData("2026-01-10T03:00+01:00", true)]  // Saturday 03:00: Friday's window
    [InlineData("2026-01-10T06:00+01:00", false)]
    [InlineData("2026-01-10T23:00+01:00", true)]  // Saturday night
    [InlineData("2026-01-11T03:00+01:00", true)]  // Sunday 03:00: Saturday's window
    [InlineData("2026-01-11T23:00+01:00", false)] // Sunday night: no window opens on Sunday
    [InlineData("2026-01-09T03:00+01:00", false)] // Friday 03:00 would be Thursday's window
    public void A_window_crossing_midnight_belongs_to_the_weekday_on_which_it_opens(string instant, bool inside)
    {
        Assert.Equal(inside, Windows.Contains(Window("22:00-06:00", DayOfWeek.Friday, DayOfWeek.Saturday), Paris, At(instant)));
    }

    [Theory]
    [InlineData("2026-11-23T08:59+01:00", false)] // Monday, before it opens
    [InlineData("2026-11-23T09:00+01:00", true)]
    [InlineData("2026-11-24T08:59+01:00", true)]  // Tuesday, still Monday's 24 hours
    [InlineData("2026-11-24T09:00+01:00", false)]
    public void A_window_whose_start_equals_its_end_lasts_24_hours_from_its_start(string instant, bool inside)
    {
        Assert.Equal(inside, Windows.Contains(Window("09:00-09:00", DayOfWeek.Monday), Paris, At(instant)));
    }

    [Fact]
    public void A_window_without_weekdays_is_open_every_day()
    {
        for (var day = 0; day < 7; day++)
        {
            Assert.True(Windows.Contains(Window("09:00-21:00"), Paris, At("2026-11-23T10:00+01:00").AddDays(day)));
        }
    }

    [Theory]
    [InlineData("2026-11-01T01:30-04:00")] // first pass
    [InlineData("2026-11-01T01:30-05:00")] // second pass, an hour later
    public void Both_passes_of_a_repeated_hour_are_inside_a_window_that_covers_it(string instant)
    {
        Assert.True(Windows.Contains(Window("01:00-02:00"), NewYork, At(instant)));
        AssertInstant(At(instant), Windows.Defer(Window("01:00-02:00"), NewYork, At(instant)));
    }

    [Fact]
    public void No_instant_is_inside_a_window_that_lies_wholly_in_the_gap()
    {
        for (var instant = At("2026-03-08T00:00-05:00"); instant < At("2026-03-09T00:00-04:00"); instant = instant.AddMinutes(1))
        {
            Assert.False(Windows.Contains(Window("02:10-02:50"), NewYork, instant));
        }
    }

    [Theory]
    [InlineData("2026-06-01T03:29Z", false)]
    [InlineData("2026-06-01T03:30Z", true)] // 09:00 in Kolkata
    public void Membership_reads_a_half_hour_offset_zone(string instant, bool inside)
    {
        Assert.Equal(inside, Windows.Contains(Window("09:00-21:00"), Kolkata, At(instant)));
    }

    [Fact]
    public void Membership_takes_the_weekday_of_the_local_date_across_the_date_line()
    {
        // Sunday 20:00 UTC is Monday 10:00 in Kiritimati.
        Assert.True(Windows.Contains(Window("09:00-17:00", DayOfWeek.Monday), Kiritimati, At("2026-06-07T20:00Z")));
        Assert.False(Windows.Contains(Window("09:00-17:00", DayOfWeek.Sunday), Kiritimati, At("2026-06-07T20:00Z")));
    }
}
