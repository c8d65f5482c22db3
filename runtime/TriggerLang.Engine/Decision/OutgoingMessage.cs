using System.Collections.Immutable;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// A message that passed every check and was rendered: what the host delivers
/// (the simulator at once, the runtime through a channel plugin) before telling
/// the engine how it went (<see cref="DecisionEngine.Delivered"/>, <see cref="DecisionEngine.DeliveryFailed"/>).
/// <see cref="IdempotencyKey"/> is the same for every attempt at this message.
/// </summary>
public sealed record OutgoingMessage(
    PendingSend Send,
    DateTimeOffset Time,
    string Channel,
    ImmutableArray<KeyValuePair<string, string>> Fields,
    string IdempotencyKey);
