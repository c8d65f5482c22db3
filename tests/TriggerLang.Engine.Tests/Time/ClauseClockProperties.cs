using CsCheck;
using NodaTime;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Engine.Time;
using static TriggerLang.Engine.Tests.Time.TimeGenerators;

namespace TriggerLang.Engine.Tests.Time;

/// <summary>
/// <see cref="ClauseClock"/> remembers clause times; what it answers must be what <see cref="WallClock"/> and
/// <see cref="Windows"/> answer, for runs of instants that go forward as input does (by seconds to hours, across
/// offset changes), sometimes back, in zones with and without DST, with one clock serving several clauses at once.
/// </summary>
public class ClauseClockProperties
{
    private const int Iterations = 3000;

    /// <summary>To the last answer itself: a send fires at the opening its window deferred it to, a digest at its time.</summary>
    private const long ToLastOpening = long.MinValue;
    private const long ToLastDigest = long.MaxValue;

    /// <summary>Steps between asks: mostly forward, by up to a day, or to a last answer; some back, by up to a day.</summary>
    private static readonly Gen<long> Step = Gen.Frequency(
        (6, Gen.Long[0, 24 * 3600]), (2, Gen.Const(ToLastOpening)), (1, Gen.Const(ToLastDigest)), (1, Gen.Long[-24 * 3600, 0]));

    private static readonly Gen<DigestSpec> Digest = Gen.Select(Gen.Bool, Gen.Int[0, 6], TimeOfDay,
        (weekly, day, at) => new DigestSpec(weekly, (DayOfWeek)day, at, ZoneSpec.Local, null));

    private static readonly Gen<DelaySpec> DelayUntil = TimeOfDay.Select(at => new DelaySpec(null, at, ZoneSpec.Local));

    private sealed record Run(DateTimeZone Zone, WindowSpec Window, DigestSpec Digest, DelaySpec Delay, DateTimeOffset Start, long[] Steps)
    {
        /// <summary>Each instant asked about, given the last opening and digest time answered.</summary>
        public DateTimeOffset Next(DateTimeOffset instant, long step, DateTimeOffset lastOpening, DateTimeOffset lastDigest) => step switch
        {
            ToLastOpening => lastOpening,
            ToLastDigest => lastDigest,
            _ => instant.AddSeconds(step),
        };

        public override string ToString() =>
            $"{Zone.Id}: window {Window.Start:HH:mm}-{Window.End:HH:mm} [{string.Join(",", Window.Days)}], digest {(Digest.Weekly ? Digest.Day : "daily")} "
            + $"at {Digest.At:HH:mm}, delay until {Delay.Until:HH:mm}, from {Start:O} by {string.Join(",", Steps)} s";
    }

    private static readonly Gen<Run> Runs = Zone.SelectMany(zone =>
        Gen.Select(Window, Digest, DelayUntil, InstantIn(zone), Step.Array[1, 40],
            (window, digest, delay, start, steps) => new Run(zone, window, digest, delay, start, steps)));

    [Fact]
    public void Remembered_clause_times_are_the_ones_worked_out_afresh() =>
        Runs.Sample(run =>
        {
            var clock = new ClauseClock();
            var (instant, opening, digest) = (run.Start, run.Start, run.Start);
            foreach (var step in run.Steps)
            {
                instant = run.Next(instant, step, opening, digest);
                digest = WallClock.NextDigest(instant, run.Digest, run.Zone);
                Assert.Equal(digest, clock.NextDigest(instant, run.Digest, run.Zone));
                Assert.Equal(WallClock.NextAt(instant, run.Delay.Until!.Value, run.Zone), clock.NextAt(instant, run.Delay, run.Zone));
                Assert.Equal(Windows.Contains(run.Window, run.Zone, instant), clock.Contains(run.Window, run.Zone, instant));
                opening = Windows.Defer(run.Window, run.Zone, instant);
                Assert.Equal(opening, clock.Defer(run.Window, run.Zone, instant));
            }
        }, iter: Iterations);
}
