namespace TriggerLang.Engine.Decision;

/// <summary>
/// The pending sends in due order (<see cref="DueKey"/>, §11), for a host's clock to jump to the next one.
/// <para>
/// Two levels, as a calendar: sends due before <see cref="_horizon"/> are in a binary heap, later ones wait unsorted in
/// a bucket per hour until the heap runs dry, and then the next hour's bucket moves into it. Hosts take the first send
/// and fire it, so taking the first is the common case; with every pending send in one heap (tens of thousands: digests
/// and sends deferred to the next window wait for a day) each take walked down levels that were out of the cache, and
/// the heap was a tenth of <c>trig simulate</c>. A heap of one hour stays small.
/// </para>
/// A send removed from elsewhere than the top is only marked (<see cref="PendingSend.DueMark"/>) and dropped when it
/// reaches the top of the heap or its bucket moves.
/// </summary>
internal sealed class DueQueue
{
    private const long BucketTicks = TimeSpan.TicksPerHour;

    // Keyed by value: a sift compares keys in the heap's own array instead of reading two sends from all over the heap.
    private readonly PriorityQueue<PendingSend, DueKey> _heap = new();
    private readonly Dictionary<long, List<PendingSend>> _buckets = [];
    private readonly PriorityQueue<long, long> _bucketOrder = new();
    private readonly Stack<List<PendingSend>> _spareBuckets = new();

    // UTC ticks: every queued send due before it is in the heap, every one due at or after it in a bucket.
    private long _horizon = long.MinValue;

    /// <summary>The sends queued and not removed.</summary>
    public int Count { get; private set; }

    /// <summary>The send due first, or null when none is queued.</summary>
    public PendingSend? First
    {
        get
        {
            while (true)
            {
                while (_heap.TryPeek(out var first, out _))
                {
                    if (first.DueMark == DueMark.Queued)
                    {
                        return first;
                    }
                    _heap.Dequeue();
                    first.DueMark = DueMark.None;
                }
                if (!MoveNextBucket())
                {
                    return null;
                }
            }
        }
    }

    /// <summary>Queues a send; one already queued stays queued once.</summary>
    public void Add(PendingSend send)
    {
        switch (send.DueMark)
        {
            case DueMark.Queued:
                return;
            case DueMark.Removed:
                // Still in the heap or its bucket, where it was: its due time never changes.
                send.DueMark = DueMark.Queued;
                break;
            default:
                Place(send);
                send.DueMark = DueMark.Queued;
                break;
        }
        Count++;
    }

    /// <summary>Removes a send; one not queued is left alone.</summary>
    public void Remove(PendingSend send)
    {
        if (send.DueMark != DueMark.Queued)
        {
            return;
        }
        Count--;
        if (_heap.TryPeek(out var first, out _) && ReferenceEquals(first, send))
        {
            _heap.Dequeue();
            send.DueMark = DueMark.None;
        }
        else
        {
            send.DueMark = DueMark.Removed;
        }
    }

    private void Place(PendingSend send)
    {
        var due = send.Due.UtcTicks;
        if (due < _horizon)
        {
            _heap.Enqueue(send, new DueKey(send));
            return;
        }
        var hour = due / BucketTicks;
        if (!_buckets.TryGetValue(hour, out var bucket))
        {
            _buckets[hour] = bucket = _spareBuckets.TryPop(out var spare) ? spare : [];
            _bucketOrder.Enqueue(hour, hour);
        }
        bucket.Add(send);
    }

    /// <summary>Moves the earliest bucket's sends still queued into the heap (the heap is empty); false when there is none.</summary>
    private bool MoveNextBucket()
    {
        if (!_bucketOrder.TryDequeue(out var hour, out _))
        {
            return false;
        }
        var bucket = _buckets[hour];
        _buckets.Remove(hour);
        _horizon = (hour + 1) * BucketTicks;
        foreach (var send in bucket)
        {
            if (send.DueMark == DueMark.Queued)
            {
                _heap.Enqueue(send, new DueKey(send));
            }
            else
            {
                send.DueMark = DueMark.None; // removed while it waited
            }
        }
        bucket.Clear();
        _spareBuckets.Push(bucket);
        return true;
    }
}

/// <summary>Where a pending send stands in its <see cref="DueQueue"/>.</summary>
internal enum DueMark : byte
{
    None,
    Queued,
    /// <summary>Removed, but still in the heap (until it reaches the top) or in its bucket (until the bucket moves).</summary>
    Removed,
}
