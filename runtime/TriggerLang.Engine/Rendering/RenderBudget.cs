using System.Diagnostics;

namespace TriggerLang.Engine.Rendering;

/// <summary>
/// The loop and time limits of one render (LANGUAGE.md §11), shared by both ways a template renders: through Scriban
/// (<see cref="RenderContext"/>) and directly over the records (<see cref="Direct.DirectRender"/>), so that a
/// template fails at the same step with the same words either way. Loop iterations are counted over the whole
/// template, not per loop.
/// </summary>
internal sealed class RenderBudget(RenderLimits limits)
{
    private const int ClockEvery = 16;

    private readonly long _budget = (long)(limits.Deadline.TotalSeconds * Stopwatch.Frequency);
    private long _deadline;
    private int _checks;
    private long _iterations;

    /// <summary>The whole deadline and loop budget again, for the next render.</summary>
    public void Start()
    {
        _deadline = Stopwatch.GetTimestamp() + _budget;
        // The clock was just read: the first check that reads it again is the 16th, unless there is no time at all.
        _checks = _budget > 0 ? 1 : 0;
        _iterations = 0;
    }

    public void StepLoop()
    {
        CheckDeadline();
        if (++_iterations > limits.MaxLoopIterations)
        {
            throw new RenderLimitException(RenderFailures.Loops(limits));
        }
    }

    public void CheckDeadline()
    {
        // Reading the clock at every write was a tenth of the simulation on a VM: read it every 16th step (most renders
        // take fewer, and read it only at the start). Each step is bounded (the string and output limits), so the
        // deadline is overshot by a few steps at most.
        if ((_checks++ & (ClockEvery - 1)) == 0 && Stopwatch.GetTimestamp() > _deadline)
        {
            throw new RenderLimitException(RenderFailures.Deadline(limits));
        }
    }
}
