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

    /// <summary>The maximum number of events kept for the template, if any.</summary>
    public int? Max { get; } = max;

    /// <summary>A batch as a store kept it: <paramref name="events"/> are the ones kept, <paramref name="count"/> all that were added.</summary>
    public static DigestBatch Restore(DateTimeOffset digestTime, int? max, IEnumerable<EventRecord> events, int count)
    {
        var batch = new DigestBatch(digestTime, max);
        foreach (var e in events)
        {
            batch.Add(e);
        }
        batch.Count = Math.Max(batch.Count, count);
        return batch;
    }

    public void Add(EventRecord e)
    {
        Count++;
        if (Max is not { } limit || _events.Count < limit)
        {
            _events.Add(e);
        }
    }
}
