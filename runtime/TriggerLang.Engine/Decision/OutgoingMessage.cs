using System.Collections.Immutable;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// A message that passed every check and was rendered: what the host delivers
/// (the simulator at once, the runtime through a channel plugin) before telling
/// the engine how it went (<see cref="DecisionEngine.Delivered"/>, <see cref="DecisionEngine.DeliveryFailed"/>).
/// <see cref="IdempotencyKey"/> is the same for every attempt at this message. A value: one is made for every message sent.
/// </summary>
/// <param name="Rule">The rule's name (the send knows its index in the rule book).</param>
public readonly record struct OutgoingMessage(
    PendingSend Send,
    DateTimeOffset Time,
    string Channel,
    ImmutableArray<KeyValuePair<string, string>> Fields,
    string Rule)
{
    /// <summary>
    /// <c>RULE/RECIPIENT/TRIGGER/CHANNEL</c>, the ids percent-encoded: ids are the producer's text and may hold any
    /// separator, and two messages must never share a key (a receiver that deduplicates would drop one). Written when
    /// asked for: a delivering host asks, the simulator never does.
    /// </summary>
    public string IdempotencyKey =>
        $"{Rule}/{Uri.EscapeDataString(Send.Recipient)}/{Uri.EscapeDataString(Send.Trigger.Id)}/{Channel}";
}
