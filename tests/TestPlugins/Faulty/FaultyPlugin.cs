using TriggerLang.Plugins;

namespace TestPlugins.Faulty;

/// <summary>Channels that misbehave at delivery: one throws, one never answers (ignoring its token), one blocks its thread.</summary>
public sealed class FaultyPlugin : IChannelPlugin
{
    public IReadOnlyList<IChannel> CreateChannels(PluginContext context) =>
    [
        new Channel("throws", _ => throw new InvalidOperationException("the provider is down")),
        new Channel("hangs", _ => new TaskCompletionSource<DeliveryResult>().Task),
        new Channel("blocks", _ =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(10));
            return Task.FromResult(DeliveryResult.Delivered());
        }),
    ];

    private sealed class Channel(string name, Func<Delivery, Task<DeliveryResult>> deliver) : IChannel
    {
        public string Name => name;

        public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken) => deliver(delivery);
    }
}
