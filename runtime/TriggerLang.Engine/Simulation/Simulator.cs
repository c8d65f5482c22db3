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
    /// <summary>
    /// Runs <paramref name="records"/> (in time order; untimed user and follow
    /// records apply from the start wherever they stand). Without <paramref name="until"/>
    /// it runs until no work is pending; with it, inputs and work after that time are left.
    /// With <paramref name="emit"/>, outcomes go there in §8 order as soon as they are final, instead of into the
    /// result (a long simulation need not hold them all).
    /// </summary>
    public SimulationResult Run(IReadOnlyList<InputRecord> records, DateTimeOffset? until = null, Action<Outcome>? emit = null)
    {
        var run = Start(until, emit);
        foreach (var record in records.Where(r => r.Time is null))
        {
            run.Add(record);
        }
        foreach (var record in records.Where(r => r.Time is not null))
        {
            run.Add(record);
        }
        return run.Finish();
    }

    /// <summary>
    /// A run fed one record at a time (<see cref="SimulationRun.Add"/>), untimed records first: a host that reads a
    /// large input need not hold it (<see cref="UntimedFirstReader"/> puts a file's records in that order).
    /// </summary>
    public SimulationRun Start(DateTimeOffset? until = null, Action<Outcome>? emit = null) =>
        new(new DecisionEngine(rules, evaluators, new MemoryState(evaluators.NewUser, rules), renderer, explain), until, emit);
}
