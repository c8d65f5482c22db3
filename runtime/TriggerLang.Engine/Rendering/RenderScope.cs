using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Rendering;

/// <summary>
/// What a message sees (LANGUAGE.md §5): the recipient as of the send time, the trigger event
/// (as <c>event</c> and as the rule's alias), and in digests the batch's events (<c>events</c>,
/// at most the digest's <c>max</c>) and their total (<c>count</c>).
/// A value: one is made for every message rendered.
/// </summary>
public readonly record struct RenderScope(UserRecord User, EventRecord Trigger, IReadOnlyList<EventRecord>? DigestEvents, int? Count);
