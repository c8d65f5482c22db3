using CsCheck;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Utility;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Engine.Time;
using static TriggerLang.Engine.Tests.Time.TimeGenerators;

namespace TriggerLang.Engine.Tests.Time;

/// <summary>
/// Properties of the wall-clock calculus over random zones (with and without DST), instants, windows and weekday
/// sets. Minimality is checked by scanning every whole minute, independently of how the code finds openings.
/// </summary>
public class TimePropertyTests
{
    // Enough to meet, every run, the rare shapes: a window that closes in a repeated hour and then reopens.
    private const int Iterations = 5000;

    private sealed record WindowCase(DateTimeZone Zone, WindowSpec Window, DateTimeOffset SendTime)
    {
        public override string ToString() =>
            $"window {Window.Start:HH:mm}-{Window.End:HH:mm} [{string.Join(",", Window.Days)}] in {Zone.Id}, send time {SendTime:O}";
    }

    private sealed record AtCase(DateTimeZone Zone, TimeOnly At, DateTimeOffset From)
    {
        public override string ToString() => $"{At:HH:mm} in {Zone.Id} from {From:O}";
    }

    private static readonly Gen<WindowCase> WindowCases =
        Zone.SelectMany(zone => Gen.Select(Window, InstantIn(zone), (window, sendTime) => new WindowCase(zone, window, sendTime)));

    private static readonly Gen<AtCase> AtCases =
        Zone.SelectMany(zone => Gen.Select(TimeOfDay, InstantIn(zone), (at, from) => new AtCase(zone, at, from)));

    [Fact]
    public void A_deferred_send_time_is_not_earlier_and_inside_the_window()
    {
        // No exception for windows wholly in a gap: such a day has no opening, so Defer never lands there.
        WindowCases.Sample(c =>
        {
            var deferred = Windows.Defer(c.Window, c.Zone, c.SendTime);
            Assert.True(deferred >= c.SendTime, $"deferred to {deferred:O}");
            Assert.True(Windows.Contains(c.Window, c.Zone, deferred), $"deferred to {deferred:O}, outside");
        }, iter: Iterations);
    }

    [Fact]
    public void No_instant_between_the_send_time_and_the_deferred_one_is_inside_the_window()
    {
        WindowCases.Sample(c =>
        {
            var deferred = Windows.Defer(c.Window, c.Zone, c.SendTime);
            var earlier = WholeMinutes(c.SendTime, deferred).Prepend(c.SendTime).Where(instant => instant < deferred)
                .FirstOrDefault(instant => Windows.Contains(c.Window, c.Zone, instant));
            Assert.True(earlier == default, $"deferred to {deferred:O}, but {earlier:O} is inside");
        }, iter: Iterations);
    }

    [Fact]
    public void Deferring_is_idempotent()
    {
        WindowCases.Sample(c =>
        {
            var deferred = Windows.Defer(c.Window, c.Zone, c.SendTime);
            Assert.Equal(deferred, Windows.Defer(c.Window, c.Zone, deferred));
        }, iter: Iterations);
    }

    [Fact]
    public void The_next_opening_is_not_earlier_inside_the_window_and_at_most_two_weeks_ahead()
    {
        WindowCases.Sample(c =>
        {
            var opening = Windows.NextOpening(c.Window, c.Zone, c.SendTime);
            Assert.NotNull(opening);
            Assert.InRange(opening.Value, c.SendTime, c.SendTime.AddDays(15));
            Assert.True(Windows.Contains(c.Window, c.Zone, opening.Value), $"opens at {opening:O}, outside");
        }, iter: Iterations);
    }

    [Fact]
    public void Delay_until_is_not_earlier_and_shows_HH_MM_unless_that_fell_in_a_gap()
    {
        AtCases.Sample(c =>
        {
            var next = WallClock.NextAt(c.From, c.At, c.Zone);
            Assert.True(next >= c.From, $"{next:O}");
            var local = next.LocalIn(c.Zone);
            var inGap = c.Zone.MapLocal(local.Date + LocalTime.FromTimeOnly(c.At)).Count == 0
                && c.Zone.GetZoneInterval(next.ToInstant()).Start == next.ToInstant();
            Assert.True(local.TimeOfDay == LocalTime.FromTimeOnly(c.At) || inGap, $"{next:O} shows {local}");
        }, iter: Iterations);
    }

    [Fact]
    public void Delay_until_is_the_earliest_instant_showing_HH_MM()
    {
        AtCases.Sample(c =>
        {
            var next = WallClock.NextAt(c.From, c.At, c.Zone);
            var earlier = WholeMinutes(c.From, next).FirstOrDefault(instant => instant.LocalIn(c.Zone).TimeOfDay == LocalTime.FromTimeOnly(c.At));
            Assert.True(earlier == default, $"{next:O}, but {earlier:O} shows {c.At:HH:mm} already");
        }, iter: Iterations);
    }

    [Fact]
    public void A_weekly_digest_goes_out_within_a_week_on_its_local_weekday()
    {
        Gen.Select(AtCases, Gen.Enum<DayOfWeek>()).Sample((c, day) =>
        {
            var next = WallClock.NextDigest(c.From, new DigestSpec(Weekly: true, day, c.At, ZoneSpec.Local, Max: null), c.Zone);
            Assert.InRange(next, c.From, c.From.AddDays(8));
            Assert.Equal(day, BclConversions.ToDayOfWeek(next.LocalIn(c.Zone).DayOfWeek));
        }, iter: Iterations);
    }
}
