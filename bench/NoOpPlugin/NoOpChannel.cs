using TriggerLang.Plugins;

namespace NoOpPlugin;

public sealed class NoOpPlugin : IChannelPlugin
{
    public IReadOnlyList<IChannel> CreateChannels(PluginContext context) => [new NoOpChannel()];
}

/// <summary>Answers at once with a cached task, so that a call costs only the way to it.</summary>
public sealed class NoOpChannel : IChannel
{
    private static readonly Task<DeliveryResult> Done = Task.FromResult(DeliveryResult.Delivered());

    public string Name => "noop";

    public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken) => Done;
}
