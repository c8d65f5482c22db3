using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// What one step of the engine produced: outcomes decided, conversions
/// attributed, warnings, a message ready for delivery, and <c>message_sent</c>
/// events the host must feed back at once (§11: processed right after their
/// <c>sent</c> outcome). New pending sends go into the state.
/// </summary>
public sealed class EngineStep
{
    public List<Outcome> Outcomes { get; } = [];

    public List<Conversion> Conversions { get; } = [];

    public List<string> Warnings { get; } = [];

    public List<EventRecord> FollowUps { get; } = [];

    public OutgoingMessage? Message { get; set; }
}
