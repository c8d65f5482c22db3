using System.Runtime.CompilerServices;
using NodaTime;
using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Engine.Time;

/// <summary>
/// The clause times of one engine — digest times, <c>delay until</c> times, window openings — remembered per clause
/// and zone, because input comes in time order and most triggers ask what the last one asked: the next 09:00 after
/// 10:03 is the next 09:00 after 10:04 too. Working each out again (<see cref="WallClock"/>, <see cref="Windows"/>)
/// walks days through the zone's rules and allocates a NodaTime mapping per day.
/// <para>
/// What makes a remembered answer safe: each is the first instant at or after the asked one, <c>F</c>, with some
/// property, so nothing between <c>F</c> and the answer <c>R</c> has it, and every instant in [<c>F</c>, <c>R</c>] has
/// the same answer (for an ambiguous wall-clock time too: the occurrence chosen is the first that is not before the
/// asked instant). A window that is closed at <c>F</c> and next opens at <c>O</c> is closed all through [<c>F</c>,
/// <c>O</c>): opening in between would be an earlier opening. Any other instant is worked out again and its answer
/// remembered in place of the last. Not thread-safe, as the engine that owns it.
/// </para>
/// </summary>
public sealed class ClauseClock
{
    private readonly Dictionary<ClauseInZone, Remembered> _next = [];
    private readonly Dictionary<ClauseInZone, Remembered> _closedWindows = [];

    /// <summary><see cref="WallClock.NextDigest"/>, remembered.</summary>
    public DateTimeOffset NextDigest(DateTimeOffset from, DigestSpec spec, DateTimeZone zone) =>
        Recall(_next, spec, zone, from, inclusive: true) ?? Remember(_next, spec, zone, from, WallClock.NextDigest(from, spec, zone));

    /// <summary><see cref="WallClock.NextAt"/> for <c>delay until</c>, remembered.</summary>
    public DateTimeOffset NextAt(DateTimeOffset from, DelaySpec delay, DateTimeZone zone) =>
        Recall(_next, delay, zone, from, inclusive: true) ?? Remember(_next, delay, zone, from, WallClock.NextAt(from, delay.Until!.Value, zone));

    /// <summary><see cref="Windows.Contains(WindowSpec, DateTimeZone, DateTimeOffset)"/>: false at once inside a span already known closed.</summary>
    public bool Contains(WindowSpec window, DateTimeZone zone, DateTimeOffset instant) =>
        Recall(_closedWindows, window, zone, instant, inclusive: false) is null && Windows.Contains(window, zone, instant);

    /// <summary>
    /// <see cref="Windows.Defer"/>, remembering the closed span it found. A send time inside the window is its own
    /// answer: the span remembered then, [t, t), is empty and covers nothing.
    /// </summary>
    public DateTimeOffset Defer(WindowSpec window, DateTimeZone zone, DateTimeOffset sendTime) =>
        Recall(_closedWindows, window, zone, sendTime, inclusive: false)
        ?? Remember(_closedWindows, window, zone, sendTime, Windows.Defer(window, zone, sendTime));

    /// <summary>The remembered answer of a clause in a zone when it covers <paramref name="instant"/>; else null.</summary>
    private static DateTimeOffset? Recall(Dictionary<ClauseInZone, Remembered> answers, object clause, DateTimeZone zone, DateTimeOffset instant,
        bool inclusive) =>
        answers.TryGetValue(new ClauseInZone(clause, zone), out var last) && last.Covers(instant, inclusive) ? last.Answer : null;

    /// <summary>Remembers <paramref name="answer"/>, found from <paramref name="from"/>, in place of the clause's last one.</summary>
    private static DateTimeOffset Remember(Dictionary<ClauseInZone, Remembered> answers, object clause, DateTimeZone zone, DateTimeOffset from,
        DateTimeOffset answer)
    {
        answers[new ClauseInZone(clause, zone)] = new Remembered(from, answer);
        return answer;
    }

    /// <summary>An answer and the instant it was found from.</summary>
    private readonly record struct Remembered(DateTimeOffset From, DateTimeOffset Answer)
    {
        /// <summary>Whether <paramref name="instant"/> lies in [From, Answer] (or [From, Answer) when not <paramref name="inclusive"/>).</summary>
        public bool Covers(DateTimeOffset instant, bool inclusive) =>
            instant >= From && (inclusive ? instant <= Answer : instant < Answer);
    }

    /// <summary>A clause and a zone, by reference: a clause's own equality would compare (and hash) all its parts at every lookup.</summary>
    private readonly struct ClauseInZone(object clause, DateTimeZone zone) : IEquatable<ClauseInZone>
    {
        private readonly object _clause = clause;
        private readonly DateTimeZone _zone = zone;

        public bool Equals(ClauseInZone other) => ReferenceEquals(_clause, other._clause) && ReferenceEquals(_zone, other._zone);

        public override bool Equals(object? obj) => obj is ClauseInZone other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(_clause), RuntimeHelpers.GetHashCode(_zone));
    }
}
