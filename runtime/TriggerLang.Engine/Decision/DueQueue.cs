namespace TriggerLang.Engine.Decision;

/// <summary>
/// The pending sends in due order (<see cref="DueKey"/>, §11), for a host's clock to jump to the next one.
/// <para>
/// As a calendar: sends due at or after <see cref="_horizon"/> wait unsorted in a bucket per hour. When everything before
/// the horizon has been taken, the next hour's bucket is sorted at once into <see cref="_run"/>, which is then taken from
/// the front; a send added with a due time before the horizon (scheduled during that hour, for that hour) goes into a
/// binary heap beside it, and the first send is the earlier of the two fronts. Hosts take the first send and fire it,
/// so taking the first is the common case. With all pending sends in one heap (tens of thousands: digests and sends
/// deferred to the next window wait for a day) each take walked down levels that were out of the cache; an hour's
/// bucket in one heap still cost a twentieth of <c>trig simulate</c>. Sorting a bucket compares keys side by side in
/// one array, and the heap holds only the few sends made for the current hour.
/// </para>
/// A send removed from elsewhere than the front is only marked (<see cref="PendingSend.DueMark"/>) and dropped when it
/// reaches the front or its bucket moves.
/// </summary>
internal sealed class DueQueue
{
    private const long BucketTicks = TimeSpan.TicksPerHour;

    // Keyed by value: a sift or a sort compares keys in the array itself instead of reading two sends from all over the heap.
    private readonly PriorityQueue<PendingSend, DueKey> _heap = new();
    // The current hour's bucket, sorted when it moved: the sends still to take are _run[_runStart.._runEnd].
    private DueKey[] _run = [];
    private int _runStart;
    private int _runEnd;
    private readonly Dictionary<long, List<PendingSend>> _buckets = [];
    private readonly PriorityQueue<long, long> _bucketOrder = new();
    private readonly Stack<List<PendingSend>> _spareBuckets = new();

    // UTC ticks: every queued send due before it is in the run or the heap, every one due at or after it in a bucket.
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
                var fromRun = RunFront();
                var fromHeap = HeapFront();
                if (fromRun is { } run && fromHeap is { } heap)
                {
                    return run.CompareTo(heap) < 0 ? run.Send : heap.Send;
                }
                if ((fromRun ?? fromHeap) is { } only)
                {
                    return only.Send;
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
                // Still in the run, the heap or its bucket, where it was: its due time never changes.
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
        if (_runStart < _runEnd && ReferenceEquals(_run[_runStart].Send, send))
        {
            _run[_runStart++] = default;
            send.DueMark = DueMark.None;
        }
        else if (_heap.TryPeek(out var first, out _) && ReferenceEquals(first, send))
        {
            _heap.Dequeue();
            send.DueMark = DueMark.None;
        }
        else
        {
            send.DueMark = DueMark.Removed;
        }
    }

    /// <summary>The run's first send still queued, dropping the removed ones before it.</summary>
    private DueKey? RunFront()
    {
        while (_runStart < _runEnd)
        {
            var front = _run[_runStart];
            if (front.Send.DueMark == DueMark.Queued)
            {
                return front;
            }
            front.Send.DueMark = DueMark.None;
            _run[_runStart++] = default;
        }
        return null;
    }

    /// <summary>The heap's first send still queued, dropping the removed ones before it.</summary>
    private DueKey? HeapFront()
    {
        while (_heap.TryPeek(out var first, out var key))
        {
            if (first.DueMark == DueMark.Queued)
            {
                return key;
            }
            _heap.Dequeue();
            first.DueMark = DueMark.None;
        }
        return null;
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

    /// <summary>Sorts the earliest bucket's sends still queued into the run (the run and the heap are empty); false when there is none.</summary>
    private bool MoveNextBucket()
    {
        if (!_bucketOrder.TryDequeue(out var hour, out _))
        {
            return false;
        }
        var bucket = _buckets[hour];
        _buckets.Remove(hour);
        _horizon = (hour + 1) * BucketTicks;
        if (_run.Length < bucket.Count)
        {
            _run = new DueKey[Math.Max(bucket.Count, 2 * _run.Length)];
        }
        _runStart = 0;
        _runEnd = 0;
        foreach (var send in bucket)
        {
            if (send.DueMark == DueMark.Queued)
            {
                _run[_runEnd++] = new DueKey(send);
            }
            else
            {
                send.DueMark = DueMark.None; // removed while it waited
            }
        }
        _run.AsSpan(0, _runEnd).Sort();
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
    /// <summary>Removed, but still in the run or the heap (until it reaches the front) or in its bucket (until the bucket moves).</summary>
    Removed,
}
