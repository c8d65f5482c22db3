using Quartz;
using TriggerLang.Runtime.Processing;

namespace TriggerLang.Runtime.Scheduling;

/// <summary>
/// The due-send sweep, fired by a repeating Quartz trigger (every <see cref="RuntimeOptions.SweepEvery"/>): it wakes
/// the decision loop, which fires every pending send due by now in batches, in the §11 order. One trigger sweeps them
/// all — a Quartz trigger per send would drain only a few hundred a second on SQLite. Never run twice at once.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SweepJob(DecisionLoop loop) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        loop.Wake();
        return ValueTask.CompletedTask;
    }
}
