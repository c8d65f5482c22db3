using System.Text.Json;
using TriggerLang.Engine.Decision;
using TriggerLang.Plugins;
using TriggerLang.Runtime.Storage;

namespace TriggerLang.Runtime.Delivery;

/// <summary>
/// A message decided and committed, waiting for its channel: the SDK <see cref="Delivery"/> to hand to the plugin
/// (the same idempotency key for every attempt) and the <c>sent</c> outcome it becomes once delivered, with the
/// decision number it was given when it was decided — so the outcome keeps its place in the §8 order however long
/// the channel takes. Kept in the <c>deliveries</c> table until the channel answers.
/// </summary>
internal sealed record PendingDelivery(long Decision, Plugins.Delivery Delivery, Outcome Sent)
{
    public string Key => Delivery.IdempotencyKey;

    public string DeliveryJson() => JsonSerializer.Serialize(Delivery);

    public string OutcomeJson() => JsonSerializer.Serialize(Sent);

    /// <summary>As a store keeps it.</summary>
    public StoredDelivery Stored() => new(Key, Decision, Delivery.Channel, DeliveryJson(), OutcomeJson());

    public static PendingDelivery Read(StoredDelivery stored) =>
        new(stored.Decision, JsonSerializer.Deserialize<Plugins.Delivery>(stored.Delivery)!, JsonSerializer.Deserialize<Outcome>(stored.Outcome)!);

    /// <summary>The outcome when the channel gave up: <c>failed</c>, <c>delivery_failed</c>, with the channel's reason.</summary>
    public Outcome Failed(string why) => Sent with
    {
        Status = OutcomeStatus.Failed,
        Reason = OutcomeReason.DeliveryFailed,
        Fields = [],
        // The engine's last line for a sent message is "delivered through CHANNEL": replaced by what happened.
        Explanation = Sent.Explanation.IsDefaultOrEmpty ? [] : [.. Sent.Explanation[..^1], $"delivery through {Sent.Channel} failed: {why}"],
        Detail = why,
    };
}

/// <summary>How a delivery ended, reported back to the decision loop.</summary>
internal sealed record DeliveryReport(PendingDelivery Delivery, DeliveryResult Result, int Attempts);
