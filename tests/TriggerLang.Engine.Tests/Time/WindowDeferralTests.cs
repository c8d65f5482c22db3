using TriggerLang.Engine.Time;
using static TriggerLang.Engine.Tests.Time.TimeFixtures;

namespace TriggerLang.Engine.Tests.Time;

/// <summary>A send time outside a <c>window</c> is deferred to its next opening (LANGUAGE.md §3, §11).</summary>
public class WindowDeferralTests
{
    [Fact]
    public void A_send_time_inside_the_window_is_never_moved()
    {
        AssertInstant(At("2026-12-01T20:59+01:00"), Windows.Defer(Window("09:00-21:00"), Paris, At("2026-12-01T20:59+01:00")));
    }

    [Fact]
    public void A_send_time_outside_is_deferred_to_the_next_opening()
    {
        AssertInstant(At("2026-12-02T09:00+01:00"), Windows.Defer(Window("09:00-21:00"), Paris, At("2026-12-01T21:00+01:00")));
        AssertInstant(At("2026-12-01T09:00+01:00"), Windows.Defer(Window("09:00-21:00"), Paris, At("2026-12-01T03:00+01:00")));
    }

    [Fact]
    public void A_send_time_is_deferred_to_the_next_admitted_weekday()
    {
        // Saturday November 28 → Monday November 30.
        AssertInstant(At("2026-11-30T08:00+01:00"),
            Windows.Defer(Window("08:00-20:00", DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
                DayOfWeek.Friday), Paris, At("2026-11-28T10:00+01:00")));
    }

    [Fact]
    public void A_send_time_after_a_crossing_window_waits_for_its_next_opening_day()
    {
        // Sunday 07:00, after Saturday night's window → Friday 22:00.
        AssertInstant(At("2026-01-16T22:00+01:00"),
            Windows.Defer(Window("22:00-06:00", DayOfWeek.Friday, DayOfWeek.Saturday), Paris, At("2026-01-11T07:00+01:00")));
    }

    [Fact]
    public void A_24_hour_window_on_one_weekday_is_deferred_to_its_start()
    {
        // Tuesday 10:00, after Monday's 24 hours → next Monday 09:00.
        AssertInstant(At("2026-11-30T09:00+01:00"), Windows.Defer(Window("09:00-09:00", DayOfWeek.Monday), Paris, At("2026-11-24T10:00+01:00")));
    }

    [Fact]
    public void The_next_opening_includes_the_present_instant_and_is_not_the_current_window()
    {
        AssertInstant(At("2026-12-01T09:00+01:00"), Windows.NextOpening(Window("09:00-21:00"), Paris, At("2026-12-01T09:00+01:00"))!.Value);
        AssertInstant(At("2026-12-02T09:00+01:00"), Windows.NextOpening(Window("09:00-21:00"), Paris, At("2026-12-01T09:01+01:00"))!.Value);
    }

    [Theory]
    [InlineData("America/New_York", "02:30-05:00", "2026-03-08T01:00-05:00", "2026-03-08T03:00-04:00")]
    [InlineData("Europe/Paris", "02:15-04:00", "2026-03-28T23:00+01:00", "2026-03-29T03:00+02:00")]
    [InlineData("Australia/Lord_Howe", "02:15-03:00", "2026-10-04T01:00+10:30", "2026-10-04T02:30+11:00")]
    public void A_window_whose_opening_falls_in_the_gap_opens_at_the_first_instant_after_the_gap(
        string zone, string window, string sendTime, string expected)
    {
        var tz = NodaTime.DateTimeZoneProviders.Tzdb[zone];
        AssertInstant(At(expected), Windows.Defer(Window(window), tz, At(sendTime)));
        Assert.True(Windows.Contains(Window(window), tz, At(expected)));
    }

    [Theory]
    [InlineData("America/New_York", "02:10-02:50", "2026-03-08T01:00-05:00", "2026-03-09T02:10-04:00")]
    [InlineData("Europe/Paris", "02:00-03:00", "2026-03-28T23:00+01:00", "2026-03-30T02:00+02:00")]
    [InlineData("Australia/Lord_Howe", "02:00-02:30", "2026-10-04T01:00+10:30", "2026-10-05T02:00+11:00")]
    public void A_window_that_lies_wholly_in_the_gap_does_not_open_that_day(string zone, string window, string sendTime, string expected)
    {
        AssertInstant(At(expected), Windows.Defer(Window(window), NodaTime.DateTimeZoneProviders.Tzdb[zone], At(sendTime)));
    }

    [Theory]
    [InlineData("2026-11-01T01:00-04:00", "2026-11-01T01:30-04:00")] // first occurrence still ahead
    [InlineData("2026-11-01T01:10-05:00", "2026-11-01T01:30-05:00")] // after the clock went back: the second
    public void An_ambiguous_opening_is_its_first_occurrence_if_still_ahead_else_its_second(string sendTime, string expected)
    {
        AssertInstant(At(expected), Windows.Defer(Window("01:30-05:00"), NewYork, At(sendTime)));
    }

    [Fact]
    public void A_window_ending_in_the_repeated_hour_reopens_when_the_clock_goes_back_into_it()
    {
        // Closed at 01:30 EDT; at 02:00 EDT the clock shows 01:00 EST, inside 00:00-01:30 again.
        AssertInstant(At("2026-11-01T01:00-05:00"), Windows.Defer(Window("00:00-01:30"), NewYork, At("2026-11-01T01:45-04:00")));
    }
}
