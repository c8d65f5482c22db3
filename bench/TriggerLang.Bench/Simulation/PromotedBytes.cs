using System.Diagnostics.Tracing;

namespace TriggerLang.Bench.Simulation;

/// <summary>
/// Counts the bytes the GC promoted (copied or kept from a younger generation into an older one) while a part ran,
/// from the runtime's own GC events. What the GC costs is mostly the objects that outlive a collection, not how many
/// collections there were, and unlike pause times this does not move with the machine's load.
/// </summary>
internal sealed class PromotedBytes : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private long _bytes;
    private int _collections;

    /// <summary>Bytes promoted out of gen0 and gen1, summed over the collections seen so far.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// Waits until the events of <paramref name="collections"/> collections have arrived: the runtime hands them to
    /// listeners on a thread of its own, a moment after each collection.
    /// </summary>
    public bool WaitFor(int collections, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Volatile.Read(ref _collections) < collections)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            Thread.Sleep(10);
        }
        return true;
    }

    public int Collections => Volatile.Read(ref _collections);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Informational, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (data.EventName is not { } name || !name.StartsWith("GCHeapStats", StringComparison.Ordinal) || data.PayloadNames is not { } names)
        {
            return;
        }
        var promoted = 0L;
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] is "TotalPromotedSize0" or "TotalPromotedSize1")
            {
                promoted += Convert.ToInt64(data.Payload![i]);
            }
        }
        Interlocked.Add(ref _bytes, promoted);
        Interlocked.Increment(ref _collections);
    }
}
