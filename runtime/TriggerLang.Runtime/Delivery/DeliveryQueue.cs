using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using TriggerLang.Plugins;
using TriggerLang.Plugins.Hosting;

namespace TriggerLang.Runtime.Delivery;

/// <summary>
/// Hands committed messages to their channel plugins: one queue and its own workers per channel, so that a slow or
/// failing channel never holds up the others. A retryable failure is tried again with exponential backoff and jitter
/// (Polly) up to <see cref="DeliveryOptions.Attempts"/> attempts; a permanent failure, or the last retryable one, is
/// reported as failed. Every attempt at a message carries the same idempotency key.
/// </summary>
internal sealed class DeliveryQueue : IAsyncDisposable
{
    private readonly PluginHost _plugins;
    private readonly DeliveryOptions _options;
    private readonly RuntimeMetrics _metrics;
    private readonly ILogger _log;
    private readonly ResiliencePipeline<DeliveryResult> _retry;
    private readonly ConcurrentDictionary<string, Channel<PendingDelivery>> _queues = new(StringComparer.Ordinal);
    private readonly List<Task> _workers = [];
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;

    public DeliveryQueue(PluginHost plugins, DeliveryOptions options, TimeProvider clock, RuntimeMetrics metrics, ILogger log)
    {
        _plugins = plugins;
        _options = options;
        _metrics = metrics;
        _log = log;
        _retry = new ResiliencePipelineBuilder<DeliveryResult> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<DeliveryResult>
            {
                MaxRetryAttempts = Math.Max(0, options.Attempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.FirstRetryAfter,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = new PredicateBuilder<DeliveryResult>().HandleResult(r => r.Status == DeliveryStatus.RetryableFailure),
                OnRetry = retry =>
                {
                    _metrics.DeliveryRetried();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Raised, on a worker's thread, when a message was delivered or given up.</summary>
    public event Action<DeliveryReport>? Answered;

    public void Enqueue(PendingDelivery delivery)
    {
        var queue = _queues.GetOrAdd(delivery.Delivery.Channel, StartChannel);
        queue.Writer.TryWrite(delivery);
    }

    private Channel<PendingDelivery> StartChannel(string channel)
    {
        var queue = Channel.CreateUnbounded<PendingDelivery>(new UnboundedChannelOptions { SingleWriter = true });
        lock (_workers)
        {
            for (var i = 0; i < _options.WorkersPerChannel; i++)
            {
                _workers.Add(Task.Run(() => WorkAsync(channel, queue.Reader)));
            }
        }
        return queue;
    }

    private async Task WorkAsync(string channel, ChannelReader<PendingDelivery> queue)
    {
        try
        {
            await foreach (var delivery in queue.ReadAllAsync(_stop.Token))
            {
                var attempts = 0;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var result = await _retry.ExecuteAsync(async token =>
                {
                    attempts++;
                    return await _plugins.DeliverAsync(delivery.Delivery, token);
                }, _stop.Token);
                _metrics.Delivered(channel, result.Status, System.Diagnostics.Stopwatch.GetElapsedTime(started));
                if (result.Status != DeliveryStatus.Delivered)
                {
                    _log.LogWarning("delivery {Key} through {Channel} failed after {Attempts} attempts: {Detail}", delivery.Key, channel, attempts, result.Detail);
                }
                Answered?.Invoke(new DeliveryReport(delivery, result, attempts));
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping: what was not answered stays in the deliveries table and is handed out again at the next start.
        }
    }

    /// <summary>Stops the workers; messages not delivered stay in the deliveries table for the next start. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        // Disposed twice: by RuntimeService when the host stops, then by the container that owns the singleton.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync();
        Task[] workers;
        lock (_workers)
        {
            workers = [.. _workers];
        }
        await Task.WhenAll(workers);
    }
}
