using Newtonsoft.Json;
using TriggerLang.Plugins;

namespace TestPlugins.Json12;

/// <summary>Answers with the Newtonsoft.Json version it runs with: each plugin must get the one it shipped.</summary>
public sealed class JsonPlugin : IChannelPlugin
{
    public IReadOnlyList<IChannel> CreateChannels(PluginContext context) => [new JsonChannel()];

    private sealed class JsonChannel : IChannel
    {
        public string Name => "json12";

        public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken) =>
            Task.FromResult(new DeliveryResult(DeliveryStatus.Delivered,
                $"{typeof(JsonConvert).Assembly.GetName().Version} {JsonConvert.SerializeObject(new { text = delivery.Field("text") })}"));
    }
}
