using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// A <c>sent</c> outcome as the checks of later sends need it: rule caps and eligibility count them per rule, global
/// limits per channel (transactional sends excepted), and goals attribute conversions to them. Kept in its recipient's
/// list (<see cref="IEngineState.Sends"/>), which names the user.
/// <para>
/// A value of 32 bytes, held in place in that list: sends are remembered for a week or more and are the largest part
/// of the engine's memory (a user's sends were a quarter of the live heap at 64 bytes each), and each check of a cap
/// walks them. So the time is kept as UTC ticks, and one reference holds the trigger's id or, only when the rule's goal
/// <c>where</c> reads it (<see cref="RuleBook.SendKeepsTrigger"/>), the trigger event itself.
/// </para>
/// </summary>
public record struct SentMessage
{
    // The trigger's id (a string), or the trigger event (when the rule keeps it), whose id it is.
    private readonly object _trigger;
    private readonly long _utcTicks;
    private readonly int _rule;
    private readonly bool _isTransactional;

    /// <summary>A send whose trigger event is not kept, only its id.</summary>
    public SentMessage(int rule, string channel, DateTimeOffset time, bool isTransactional, string triggerId)
        : this(rule, channel, time, isTransactional, (object)triggerId)
    {
    }

    private SentMessage(int rule, string channel, DateTimeOffset time, bool isTransactional, object trigger)
    {
        _rule = rule;
        Channel = channel;
        _utcTicks = time.UtcTicks;
        _isTransactional = isTransactional;
        _trigger = trigger;
    }

    /// <summary>The send of <paramref name="trigger"/>, keeping the event only when <paramref name="rules"/> say the rule needs it.</summary>
    public static SentMessage Of(RuleBook rules, int rule, string channel, DateTimeOffset time, bool isTransactional, EventRecord trigger) =>
        new(rule, channel, time, isTransactional, rules.SendKeepsTrigger(rule) ? trigger : trigger.Id);

    public readonly int Rule => _rule;

    public string Channel { get; }

    /// <summary>When it was sent, in UTC.</summary>
    public readonly DateTimeOffset Time => new(_utcTicks, TimeSpan.Zero);

    /// <summary><see cref="Time"/> as UTC ticks: what the checks compare, without making a <see cref="DateTimeOffset"/>.</summary>
    public readonly long UtcTicks => _utcTicks;

    public readonly bool IsTransactional => _isTransactional;

    public readonly string TriggerId => _trigger as string ?? ((EventRecord)_trigger).Id;

    /// <summary>The trigger event when the rule's goal <c>where</c> reads it, null otherwise.</summary>
    public readonly EventRecord? Trigger => _trigger as EventRecord;

    /// <summary>Set once a goal event has been attributed to this send (each send converts at most once).</summary>
    public bool Converted { get; set; }
}
