using Quartz;
using TriggerLang.Runtime.Storage;

namespace TriggerLang.Runtime.Scheduling;

/// <summary>
/// Hourly housekeeping (a Quartz cron trigger): forgets event ids older than the deduplication window and the inbox
/// records already processed. The engine's own memory (history and sends no rule can need) is trimmed by the
/// decision loop as event time goes by.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class MaintenanceJob(IRuntimeStore store, RuntimeOptions options, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await store.PruneAsync(clock.GetUtcNow() - options.DedupWindow, cancellationToken);
}
