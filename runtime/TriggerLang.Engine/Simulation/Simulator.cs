using TriggerLang.Engine.Decision;
using TriggerLang.Engine.Records;
using TriggerLang.Engine.Rendering;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Simulation;

/// <summary>
/// Runs the decision core over recorded input in virtual time: the clock jumps
/// from one input or due send to the next. At one instant, inputs come before
/// the work due then (§11); a delivered message's <c>message_sent</c> is
/// processed right after it. Delivery always succeeds: the simulator decides,
/// it does not send.
/// </summary>
/// <param name="explain">Give every outcome its explanation (<c>--explain</c>, <c>trig test</c>).</param>
public sealed class Simulator(RuleBook rules, IRuleEvaluators evaluators, MessageRenderer renderer, bool explain = false)
{
    private static readonly TimeSpan ForgetEvery = TimeSpan.FromHours(1);

    /// <summary>
    /// Runs <paramref name="records"/> (in time order; untimed user and follow
    /// records apply from the start wherever they stand). Without <paramref name="until"/>
    /// it runs until no work is pending; with it, inputs and work after that time are left.
    /// <paramref name="progress"/> is told how many records have been read. With <paramref name="emit"/>, outcomes
    /// go there in §8 order as soon as they are final, instead of into the result (a long simulation need not hold
    /// them all).
    /// </summary>
    public SimulationResult Run(IReadOnlyList<InputRecord> records, DateTimeOffset? until = null, IProgress<int>? progress = null,
        Action<Outcome>? emit = null)
    {
        var run = new VirtualRun(new DecisionEngine(rules, evaluators, new MemoryState(evaluators.NewUser), renderer, explain), emit);
        foreach (var record in records)
        {
            if (record.Time is null)
            {
                run.Apply(record);
            }
        }
        var read = 0;
        foreach (var record in records)
        {
            if (++read % 1000 == 0)
            {
                progress?.Report(read);
            }
            if (record.Time is not { } time)
            {
                continue;
            }
            if (until is { } end && time > end)
            {
                break;
            }
            run.FireBefore(time, inclusive: false);
            run.EmitBefore(time);
            run.Apply(record);
        }
        progress?.Report(read);
        run.FireBefore(until ?? DateTimeOffset.MaxValue, inclusive: true);
        return run.Result();
    }

    /// <summary>One simulation's mutable state: kept out of <see cref="Simulator"/> so that it can run several inputs.</summary>
    private sealed class VirtualRun(DecisionEngine engine, Action<Outcome>? emit)
    {
        private readonly MemoryState _state = (MemoryState)engine.State;
        // Outcomes not yet emitted, each with its place in decision order (the last key of the §8 sort).
        private List<(Outcome Outcome, long Decision)> _outcomes = [];
        private long _decisions;
        private int _emitAt = 1024;
        private OutcomeCounts _counts;
        private readonly List<Conversion> _conversions = [];
        private readonly HashSet<string> _warningSet = new(StringComparer.Ordinal);
        private readonly List<string> _warnings = [];
        private long _order;
        private int _events;
        private DateTimeOffset _lastForget = DateTimeOffset.MinValue;

        public void Apply(InputRecord record)
        {
            switch (record)
            {
                case UserInput user:
                    engine.Apply(user);
                    break;
                case FollowInput follow:
                    engine.Apply(follow);
                    break;
                case EventInput input:
                    _events++;
                    Ingest(input.Event);
                    break;
            }
        }

        /// <summary>Fires every pending send due before <paramref name="time"/> (or at it, when <paramref name="inclusive"/>).</summary>
        public void FireBefore(DateTimeOffset time, bool inclusive)
        {
            while (_state.NextDue is { } next && (next.Due < time || (inclusive && next.Due == time)))
            {
                var step = engine.Fire(next, next.Due);
                Collect(step);
                if (step.Message is { } message)
                {
                    Collect(engine.Delivered(message));
                }
            }
        }

        /// <summary>
        /// Emits the outcomes dated before <paramref name="time"/>, once every send due before it has fired: every
        /// outcome decided from now on is dated at or after it (a send's outcome at its due time, a refusal by the
        /// window at the refused time, both no earlier than the decision), so these are final and in order.
        /// Batched: a pass only when the buffer has grown enough to pay for it.
        /// </summary>
        public void EmitBefore(DateTimeOffset time)
        {
            if (emit is null || _outcomes.Count < _emitAt)
            {
                return;
            }
            var later = new List<(Outcome, long)>();
            var ready = new List<(Outcome Outcome, long Decision)>();
            foreach (var entry in _outcomes)
            {
                (entry.Outcome.Time < time ? ready : later).Add(entry);
            }
            _outcomes = later;
            _emitAt = Math.Max(1024, 2 * later.Count);
            Emit(ready);
        }

        public SimulationResult Result()
        {
            var remaining = _outcomes;
            _outcomes = [];
            if (emit is not null)
            {
                Emit(remaining);
                return new SimulationResult([], _counts, _conversions, _warnings, _events, _state.PendingCount);
            }
            Sort(remaining);
            return new SimulationResult([.. remaining.Select(e => e.Outcome)], _counts, _conversions, _warnings, _events, _state.PendingCount);
        }

        private void Emit(List<(Outcome Outcome, long Decision)> outcomes)
        {
            Sort(outcomes);
            foreach (var (outcome, _) in outcomes)
            {
                emit!(outcome);
            }
        }

        /// <summary>§8 order: time, rule, user, then decision order.</summary>
        private static void Sort(List<(Outcome Outcome, long Decision)> outcomes) =>
            outcomes.Sort(static (a, b) =>
            {
                var byTime = a.Outcome.Time.CompareTo(b.Outcome.Time);
                if (byTime != 0)
                {
                    return byTime;
                }
                var byRule = string.CompareOrdinal(a.Outcome.Rule, b.Outcome.Rule);
                if (byRule != 0)
                {
                    return byRule;
                }
                var byUser = string.CompareOrdinal(a.Outcome.User, b.Outcome.User);
                return byUser != 0 ? byUser : a.Decision.CompareTo(b.Decision);
            });

        private void Ingest(EventRecord e)
        {
            if (e.Time - _lastForget >= ForgetEvery)
            {
                engine.Forget(e.Time);
                _lastForget = e.Time;
            }
            Collect(engine.Ingest(e, ++_order));
        }

        private void Collect(EngineStep step)
        {
            if (step.OutcomesOrNull is { } outcomes)
            {
                foreach (var outcome in outcomes)
                {
                    _outcomes.Add((outcome, _decisions++));
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
}
