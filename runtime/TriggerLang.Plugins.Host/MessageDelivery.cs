using TriggerLang.Engine;
using TriggerLang.Engine.Decision;
using TriggerLang.Evaluation;

namespace TriggerLang.Plugins.Hosting;

/// <summary>
/// The engine's side of delivery: an <see cref="OutgoingMessage"/> and its
/// recipient's profile become an SDK <see cref="Delivery"/>, delivered through
/// the channel's plugin. One attempt; retries (Polly) and persistence belong to
/// the live runtime, which tells the engine the result
/// (<see cref="DecisionEngine.Delivered"/> or <see cref="DecisionEngine.DeliveryFailed"/>).
/// </summary>
public sealed class MessageDelivery(PluginHost host)
{
    public Task<DeliveryResult> DeliverAsync(OutgoingMessage message, string rule, UserRecord recipient, CancellationToken cancellationToken = default) =>
        host.DeliverAsync(ToDelivery(message, rule, recipient), cancellationToken);

    /// <summary><paramref name="rule"/> is the rule's name (the message knows only its index in the rule book).</summary>
    public static Delivery ToDelivery(OutgoingMessage message, string rule, UserRecord recipient) => new(
        message.Channel,
        rule,
        message.Send.Recipient,
        Addresses(recipient),
        message.Fields,
        message.IdempotencyKey,
        message.Send.Trigger.Id,
        message.Time);

    /// <summary>The recipient's contact attributes that are set, by their names in rules and manifests.</summary>
    private static Dictionary<string, string> Addresses(UserRecord user)
    {
        var addresses = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(addresses, "email", user.Email);
        Add(addresses, "phone", user.Phone);
        Add(addresses, "push_token", user.PushToken);
        return addresses;
    }

    private static void Add(Dictionary<string, string> addresses, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            addresses[name] = value;
        }
    }
}
