using TriggerLang.Engine.Time;
using static TriggerLang.Engine.Tests.Time.TimeFixtures;

namespace TriggerLang.Engine.Tests.Time;

/// <summary>
/// LANGUAGE.md §3: "a local time that does not exist (spring forward) moves to the first instant after the gap;
/// an ambiguous one (fall back) means its first occurrence if that is still ahead, else its second."
/// </summary>
public class WallClockResolveTests
{
    private static readonly DateTimeOffset LongAgo = At("2000-01-01T00:00Z");

    [Fact]
    public void A_time_that_exists_once_is_that_instant()
    {
        AssertInstant(At("2026-03-08T09:00+05:30"), WallClock.Resolve(Local("2026-03-08T09:00"), Kolkata, LongAgo));
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-08T02:30", "2026-03-08T03:00-04:00")]
    [InlineData("America/New_York", "2026-03-08T02:00", "2026-03-08T03:00-04:00")]
    [InlineData("Europe/Paris", "2026-03-29T02:59", "2026-03-29T03:00+02:00")]
    [InlineData("Australia/Lord_Howe", "2026-10-04T02:15", "2026-10-04T02:30+11:00")]
    public void A_time_in_the_spring_forward_gap_moves_to_the_first_instant_after_the_gap(string zone, string local, string expected)
    {
        AssertInstant(At(expected), WallClock.Resolve(Local(local), NodaTime.DateTimeZoneProviders.Tzdb[zone], LongAgo));
    }

    [Theory]
    [InlineData("America/New_York", "2026-11-01T01:30", "2026-11-01T01:00-04:00", "2026-11-01T01:30-04:00")]
    [InlineData("America/New_York", "2026-11-01T01:30", "2026-11-01T01:30-04:00", "2026-11-01T01:30-04:00")]
    [InlineData("Europe/Paris", "2026-10-25T02:30", "2026-10-25T02:00+02:00", "2026-10-25T02:30+02:00")]
    [InlineData("Australia/Lord_Howe", "2026-04-05T01:45", "2026-04-05T01:30+11:00", "2026-04-05T01:45+11:00")]
    public void An_ambiguous_time_is_its_first_occurrence_if_that_is_still_ahead(string zone, string local, string notBefore, string expected)
    {
        AssertInstant(At(expected), WallClock.Resolve(Local(local), NodaTime.DateTimeZoneProviders.Tzdb[zone], At(notBefore)));
    }

    [Theory]
    [InlineData("America/New_York", "2026-11-01T01:30", "2026-11-01T01:31-04:00", "2026-11-01T01:30-05:00")]
    [InlineData("Europe/Paris", "2026-10-25T02:30", "2026-10-25T02:40+02:00", "2026-10-25T02:30+01:00")]
    [InlineData("Australia/Lord_Howe", "2026-04-05T01:45", "2026-04-05T01:50+11:00", "2026-04-05T01:45+10:30")]
    public void An_ambiguous_time_is_its_second_occurrence_once_the_first_has_passed(string zone, string local, string notBefore, string expected)
    {
        AssertInstant(At(expected), WallClock.Resolve(Local(local), NodaTime.DateTimeZoneProviders.Tzdb[zone], At(notBefore)));
    }
}
