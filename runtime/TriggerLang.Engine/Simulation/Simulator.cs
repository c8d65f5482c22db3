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
    /// <paramref name="progress"/> is told how many records have been read.
    /// </summary>
    public SimulationResult Run(IReadOnlyList<InputRecord> records, DateTimeOffset? until = null, IProgress<int>? progress = null)
    {
        var run = new VirtualRun(new DecisionEngine(rules, evaluators, new MemoryState(evaluators.NewUser), renderer, explain));
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
            run.Apply(record);
        }
        progress?.Report(read);
        run.FireBefore(until ?? DateTimeOffset.MaxValue, inclusive: true);
        return run.Result();
    }

    /// <summary>One simulation's mutable state: kept out of <see cref="Simulator"/> so that it can run several inputs.</summary>
    private sealed class VirtualRun(DecisionEngine engine)
    {
        private readonly MemoryState _state = (MemoryState)engine.State;
        private readonly List<Outcome> _outcomes = [];
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

        public SimulationResult Result()
        {
            // §8 order: time, rule, user, then decision order. One array sort with the index as the last key
            // (so it is stable) instead of LINQ's chain of key selectors.
            var keyed = new (Outcome Outcome, int Index)[_outcomes.Count];
            for (var i = 0; i < keyed.Length; i++)
            {
                keyed[i] = (_outcomes[i], i);
            }
            Array.Sort(keyed, static (a, b) =>
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
                return byUser != 0 ? byUser : a.Index.CompareTo(b.Index);
            });
            var sorted = new List<Outcome>(keyed.Length);
            foreach (var (outcome, _) in keyed)
            {
                sorted.Add(outcome);
            }
            return new SimulationResult(sorted, _conversions, _warnings, _events, _state.PendingCount);
        }

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
                _outcomes.AddRange(outcomes);
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
