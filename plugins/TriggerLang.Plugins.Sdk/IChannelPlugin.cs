namespace TriggerLang.Plugins;

/// <summary>
/// A plugin's entry point: the host creates the one public, non-abstract class
/// implementing this interface in the plugin's assembly (it needs a public
/// parameterless constructor) and asks it for the channels its manifest declares.
/// </summary>
public interface IChannelPlugin
{
    /// <summary>
    /// The plugin's channels, one per channel of its manifest, with the same names.
    /// Called once per load; throw <see cref="PluginConfigurationException"/> when a
    /// setting or secret is missing or wrong, so that the host can say which.
    /// </summary>
    IReadOnlyList<IChannel> CreateChannels(PluginContext context);
}

/// <summary>One delivery channel (email, push…).</summary>
public interface IChannel
{
    /// <summary>The channel's name, as in the manifest and in rules (<c>send email …</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Delivers one message. Return (do not throw) the result; an exception is
    /// treated as a retryable failure. The host cancels <paramref name="cancellationToken"/>
    /// at its per-call timeout; honour it. The same <see cref="Delivery.IdempotencyKey"/>
    /// comes again when the host retries: pass it on where the provider supports it.
    /// </summary>
    Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken);
}

/// <summary>A setting or secret of a plugin is missing or invalid; the message says which and how to fix it.</summary>
public sealed class PluginConfigurationException(string message) : Exception(message);
