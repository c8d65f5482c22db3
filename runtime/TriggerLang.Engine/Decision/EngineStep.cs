using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// What one step of the engine produced: outcomes decided, conversions
/// attributed, warnings, a message ready for delivery, and <c>message_sent</c>
/// events the host must feed back at once (§11: processed right after their
/// <c>sent</c> outcome). New pending sends go into the state.
/// </summary>
/// <remarks>
/// The lists are created on first use: most steps fill one of them or none, and
/// the simulator takes millions of steps. The engine's hosts in this assembly read
/// the <c>…OrNull</c> fields so as not to create empty lists just to look at them,
/// and reuse their steps (<see cref="Clear"/>) once read.
/// </remarks>
public sealed class EngineStep
{
    private List<Outcome>? _outcomes;
    private List<Conversion>? _conversions;
    private List<string>? _warnings;
    private List<EventRecord>? _followUps;

    public List<Outcome> Outcomes => _outcomes ??= [];

    public List<Conversion> Conversions => _conversions ??= [];

    public List<string> Warnings => _warnings ??= [];

    public List<EventRecord> FollowUps => _followUps ??= [];

    public OutgoingMessage? Message { get; set; }

    internal List<Outcome>? OutcomesOrNull => _outcomes;

    internal List<Conversion>? ConversionsOrNull => _conversions;

    internal List<string>? WarningsOrNull => _warnings;

    internal List<EventRecord>? FollowUpsOrNull => _followUps;

    /// <summary>Empties the step for another call, keeping its lists: their arrays were a tenth of what the simulator allocated.</summary>
    internal void Clear()
    {
        _outcomes?.Clear();
        _conversions?.Clear();
        _warnings?.Clear();
        _followUps?.Clear();
        Message = null;
    }
}
