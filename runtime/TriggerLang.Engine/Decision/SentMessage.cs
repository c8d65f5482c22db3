using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// A <c>sent</c> outcome as the checks of later sends need it: rule caps and
/// eligibility count them per rule, global limits per channel (transactional
/// sends excepted), and goals attribute conversions to them. <see cref="Trigger"/>
/// is kept only when the rule's goal <c>where</c> reads it (<see cref="RuleBook.SendKeepsTrigger"/>),
/// null otherwise: sends are remembered for a week or more, and their events were most of that memory.
/// A value, held in place in its user's list: a send outlives many collections, and as an object of its own each one
/// was copied by the GC twice on its way to the old generation.
/// </summary>
public record struct SentMessage(int Rule, string User, string Channel, DateTimeOffset Time, bool IsTransactional, string TriggerId,
    EventRecord? Trigger)
{
    /// <summary>The send of <paramref name="trigger"/>, keeping the event only when <paramref name="rules"/> say the rule needs it.</summary>
    public static SentMessage Of(RuleBook rules, int rule, string user, string channel, DateTimeOffset time, bool isTransactional, EventRecord trigger) =>
        new(rule, user, channel, time, isTransactional, trigger.Id, rules.SendKeepsTrigger(rule) ? trigger : null);

    /// <summary>Set once a goal event has been attributed to this send (each send converts at most once).</summary>
    public bool Converted { get; set; }
}
