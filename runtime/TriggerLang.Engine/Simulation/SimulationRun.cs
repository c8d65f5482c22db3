using System.Runtime.InteropServices;
using TriggerLang.Engine.Decision;
using TriggerLang.Engine.Records;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Simulation;

/// <summary>
/// One simulation in progress (<see cref="Simulator.Start"/>): records go in one at a time, as they are read, with
/// every untimed user and follow record before the first timed record (they apply from the start, §8); outcomes go
/// to the emit callback as soon as they are final. Nothing of the input is kept once it has been decided, so a run
/// over a large file holds only what the rules remember and the sends still pending.
/// </summary>
public sealed class SimulationRun
{
    private static readonly TimeSpan ForgetEvery = TimeSpan.FromHours(1);

    private readonly DecisionEngine _engine;
    private readonly Action<Outcome>? _emit;
    private readonly DateTimeOffset? _until;
    private readonly MemoryState _state;
    // Outcomes not yet emitted, each with its place in decision order (the last key of the §8 sort).
    private List<Decided> _outcomes = [];
    // The two halves of an emit pass, kept between passes rather than grown anew each time.
    private List<Decided> _later = [];
    private readonly List<Decided> _ready = [];
    // Steps to reuse: a follow-up is ingested while its parent's step is still being read, so one per depth of the chain.
    private readonly Stack<EngineStep> _freeSteps = new();
    private long _decisions;
    private int _emitAt = 1024;
    private OutcomeCounts _counts;
    private readonly List<Conversion> _conversions = [];
    private readonly HashSet<string> _warningSet = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];
    private long _order;
    private int _events;
    private DateTimeOffset _lastForget = DateTimeOffset.MinValue;
    private bool _timedSeen;
    // The first record after `until` ends the input: none after it is decided, even one dated earlier.
    private bool _pastUntil;

    internal SimulationRun(DecisionEngine engine, DateTimeOffset? until, Action<Outcome>? emit)
    {
        _engine = engine;
        _emit = emit;
        _until = until;
        _state = (MemoryState)_engine.State;
    }

    /// <summary>
    /// The next input record. Timed records come in time order; from the first one after <c>until</c> on, records are
    /// left (the caller may go on reading, to report every bad line).
    /// </summary>
    /// <exception cref="ArgumentException">An untimed record after a timed one: it should have applied from the start.</exception>
    public void Add(InputRecord record)
    {
        if (record.Time is not { } time)
        {
            if (_timedSeen)
            {
                throw new ArgumentException($"{record.Source}: an untimed record after timed ones; untimed records go first", nameof(record));
            }
            Apply(record);
            return;
        }
        _timedSeen = true;
        if (_pastUntil || (_until is { } end && time > end))
        {
            _pastUntil = true;
            return;
        }
        FireBefore(time, inclusive: false);
        EmitBefore(time);
        Apply(record);
    }

    /// <summary>Runs the virtual clock to <c>until</c>, or until no work is pending, and gives what is left.</summary>
    public SimulationResult Finish()
    {
        FireBefore(_until ?? DateTimeOffset.MaxValue, inclusive: true);
        return Result();
    }

    private void Apply(InputRecord record)
    {
        switch (record)
        {
            case UserInput user:
                _engine.Apply(user);
                break;
            case FollowInput follow:
                _engine.Apply(follow);
                break;
            case EventInput input:
                _events++;
                _state.Focus(input.UserNumber, input.Event.UserId);
                Ingest(input.Event);
                break;
        }
    }

    /// <summary>Fires every pending send due before <paramref name="time"/> (or at it, when <paramref name="inclusive"/>).</summary>
    private void FireBefore(DateTimeOffset time, bool inclusive)
    {
        while (_state.NextDue is { } next && (next.Due < time || (inclusive && next.Due == time)))
        {
            var step = RentStep();
            _engine.Fire(next, next.Due, step);
            if (Settle(step) is { } message)
            {
                step = RentStep();
                _engine.Delivered(message, step);
                Settle(step);
            }
        }
    }

    /// <summary>
    /// Emits the outcomes dated before <paramref name="time"/>, once every send due before it has fired: every
    /// outcome decided from now on is dated at or after it (a send's outcome at its due time, a refusal by the
    /// window at the refused time, both no earlier than the decision), so these are final and in order.
    /// Batched: a pass only when the buffer has grown enough to pay for it.
    /// </summary>
    private void EmitBefore(DateTimeOffset time)
    {
        if (_emit is null || _outcomes.Count < _emitAt)
        {
            return;
        }
        foreach (var entry in _outcomes)
        {
            (entry.UtcTicks < time.UtcTicks ? _ready : _later).Add(entry);
        }
        (_outcomes, _later) = (_later, _outcomes);
        _later.Clear();
        _emitAt = Math.Max(1024, 2 * _outcomes.Count);
        Emit(_ready);
        _ready.Clear();
    }

    private SimulationResult Result()
    {
        var remaining = _outcomes;
        _outcomes = [];
        if (_emit is not null)
        {
            Emit(remaining);
            return new SimulationResult([], _counts, _conversions, _warnings, _events, _state.PendingCount);
        }
        Sort(remaining);
        return new SimulationResult([.. remaining.Select(e => e.Outcome)], _counts, _conversions, _warnings, _events, _state.PendingCount);
    }

    private void Emit(List<Decided> outcomes)
    {
        Sort(outcomes);
        foreach (var (_, outcome, _) in outcomes)
        {
            _emit!(outcome);
        }
    }

    private static void Sort(List<Decided> outcomes) => CollectionsMarshal.AsSpan(outcomes).Sort();

    /// <summary>
    /// An outcome with its place in decision order, ordered as §8 sorts output: time, rule, user, then decision order.
    /// It orders itself rather than through a comparer: a sort given a comparer calls it through a delegate (a struct
    /// comparer is boxed first), while a sort of values that compare themselves is compiled for them and inlines this.
    /// The time is copied in (<paramref name="UtcTicks"/>): most comparisons end there, without reading the outcome.
    /// </summary>
    private readonly record struct Decided(long UtcTicks, Outcome Outcome, long Decision) : IComparable<Decided>
    {
        public Decided(Outcome outcome, long decision)
            : this(outcome.Time.UtcTicks, outcome, decision)
        {
        }

        public int CompareTo(Decided other)
        {
            var byTime = UtcTicks.CompareTo(other.UtcTicks);
            if (byTime != 0)
            {
                return byTime;
            }
            var byRule = string.CompareOrdinal(Outcome.Rule, other.Outcome.Rule);
            if (byRule != 0)
            {
                return byRule;
            }
            var byUser = string.CompareOrdinal(Outcome.User, other.Outcome.User);
            return byUser != 0 ? byUser : Decision.CompareTo(other.Decision);
        }
    }

    private void Ingest(EventRecord e)
    {
        if (e.Time - _lastForget >= ForgetEvery)
        {
            _engine.Forget(e.Time);
            _lastForget = e.Time;
        }
        var step = RentStep();
        _engine.Ingest(e, ++_order, step);
        Settle(step);
    }

    private EngineStep RentStep() => _freeSteps.TryPop(out var step) ? step : new EngineStep();

    /// <summary>Collects what a step decided and gives it back for reuse; the message to deliver, if the step made one.</summary>
    private OutgoingMessage? Settle(EngineStep step)
    {
        Collect(step);
        var message = step.Message;
        step.Clear();
        _freeSteps.Push(step);
        return message;
    }

    private void Collect(EngineStep step)
    {
        if (step.OutcomesOrNull is { } outcomes)
        {
            foreach (var outcome in outcomes)
            {
                _outcomes.Add(new Decided(outcome, _decisions++));
                _counts = _counts.Add(outcome.Status);
            }
        }
        if (step.ConversionsOrNull is { } conversions)
        {
            _conversions.AddRange(conversions);
        }
        if (step.WarningsOrNull is { } warnings)
        {
            foreach (var warning in warnings)
            {
                if (_warningSet.Add(warning))
                {
                    _warnings.Add(warning);
                }
            }
        }
        // message_sent is processed right after its sent outcome, before other work of the same instant (§11).
        if (step.FollowUpsOrNull is { } followUps)
        {
            foreach (var followUp in followUps)
            {
                Ingest(followUp);
            }
        }
    }
}
