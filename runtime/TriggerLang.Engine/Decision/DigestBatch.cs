using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// The triggers of a digest rule collected for one recipient and one digest
/// time (§11): the first one is the batch's trigger, <c>max N</c> bounds the
/// events kept for the template, <see cref="Count"/> counts them all.
/// </summary>
public sealed class DigestBatch(DateTimeOffset digestTime, int? max)
{
    /// <summary>The digest time the batch was collected for (before any window moved the send).</summary>
    public DateTimeOffset DigestTime { get; } = digestTime;

    private readonly List<EventRecord> _events = [];

    public IReadOnlyList<EventRecord> Events => _events;

    public int Count { get; private set; }

    public void Add(EventRecord e)
    {
        Count++;
        if (max is not { } limit || _events.Count < limit)
        {
            _events.Add(e);
        }
    }
}
