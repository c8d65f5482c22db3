using TriggerLang.Plugins;

namespace TestPlugins.Echo;

/// <summary>Delivers by answering with the text it got (prefixed by its setting `prefix`), so that tests see the whole path.</summary>
public sealed class EchoPlugin : IChannelPlugin
{
    public IReadOnlyList<IChannel> CreateChannels(PluginContext context)
    {
        context.Log("ready");
        return [new EchoChannel(context.Setting("prefix", ""))];
    }

    private sealed class EchoChannel(string? prefix) : IChannel
    {
        public string Name => "echo";

        public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken) =>
            Task.FromResult(new DeliveryResult(DeliveryStatus.Delivered, $"{prefix}{delivery.Field("text")} to {delivery.RecipientId}"));
    }
}
