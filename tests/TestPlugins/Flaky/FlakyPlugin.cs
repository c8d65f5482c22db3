using System.Collections.Concurrent;
using TriggerLang.Plugins;

namespace TestPlugins.Flaky;

/// <summary>
/// A channel that fails with a retryable error the first <c>failures</c> times (setting, default 2) it is given a
/// message, counted per idempotency key, and delivers it after that: a provider that recovers while retried.
/// </summary>
public sealed class FlakyPlugin : IChannelPlugin
{
    public IReadOnlyList<IChannel> CreateChannels(PluginContext context) =>
        [new FlakyChannel(int.Parse(context.Setting("failures", "2")!, System.Globalization.CultureInfo.InvariantCulture))];

    private sealed class FlakyChannel(int failures) : IChannel
    {
        private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

        public string Name => "flaky";

        public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
        {
            var attempt = _attempts.AddOrUpdate(delivery.IdempotencyKey, 1, (_, n) => n + 1);
            return Task.FromResult(attempt <= failures
                ? DeliveryResult.Retryable($"attempt {attempt}: try again later")
                : new DeliveryResult(DeliveryStatus.Delivered, $"delivered at attempt {attempt}"));
        }
    }
}
