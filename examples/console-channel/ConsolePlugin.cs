using TriggerLang.Plugins;

namespace ConsoleChannel;

/// <summary>The plugin: one channel, `console`, that writes each message as a line to a file or to stdout.</summary>
public sealed class ConsolePlugin : IChannelPlugin
{
    public IReadOnlyList<IChannel> CreateChannels(PluginContext context) =>
        [new Console(context.Setting("path"), context.Setting("prefix", "[trig]")!)];
}

/// <summary>Settings (`Plugins:console:path`, `Plugins:console:prefix`) come from the host's configuration.</summary>
internal sealed class Console(string? path, string prefix) : IChannel
{
    private static readonly Lock Writing = new();

    public string Name => "console";

    public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var title = delivery.Field("title") is { } t ? $"{t}: " : "";
        var line = $"{prefix} {delivery.Rule} → {delivery.RecipientId}: {title}{delivery.Field("text")} ({delivery.IdempotencyKey})";
        lock (Writing)
        {
            if (path is null)
            {
                System.Console.Out.WriteLine(line);
            }
            else
            {
                File.AppendAllLines(path, [line]);
            }
        }
        return Task.FromResult(DeliveryResult.Delivered());
    }
}
