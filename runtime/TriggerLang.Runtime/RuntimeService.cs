using Microsoft.Extensions.Hosting;
using TriggerLang.Runtime.Delivery;
using TriggerLang.Runtime.Ingest;
using TriggerLang.Runtime.Processing;
using TriggerLang.Runtime.Storage;

namespace TriggerLang.Runtime;

/// <summary>
/// Starts the runtime before the server takes requests — database schema, rules, state, deliveries left over —
/// and stops it after: the inbox finishes its commit, the decision loop its pass, the channels their calls.
/// </summary>
internal sealed class RuntimeService(RuntimeOptions options, IRuntimeStore store, RulesReloader reloader, DecisionLoop loop, Inbox inbox,
    DeliveryQueue deliveries) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        store.Migrate();
        var load = reloader.Compile();
        if (load.Project is not { } project)
        {
            var problems = load.Fatal is { } fatal ? [fatal.ToString()] : load.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
            throw new RuntimeStartException($"the rules in {options.Rules} cannot run:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
        inbox.Start();
        loop.Start(project);
        reloader.Started(project);
        if (options.WatchRules)
        {
            reloader.Watch(loop);
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await inbox.DisposeAsync();
        await loop.DisposeAsync();
        await deliveries.DisposeAsync();
        reloader.Dispose();
    }
}

/// <summary>The runtime cannot start: the message says why and what to do (<c>trig run</c> prints it and exits 1).</summary>
public sealed class RuntimeStartException(string message) : Exception(message);
