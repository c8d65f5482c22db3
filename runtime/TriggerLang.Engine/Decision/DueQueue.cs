namespace TriggerLang.Engine.Decision;

/// <summary>
/// The pending sends in due order (<see cref="DueKey"/>, §11), for a host's clock to jump to the next one.
/// A binary heap in one array instead of a sorted tree with a node object per send: hosts take the first send and
/// fire it, so removing the first is the common case; a send removed from elsewhere is only marked
/// (<see cref="PendingSend.DueMark"/>) and dropped when it reaches the top.
/// </summary>
internal sealed class DueQueue
{
    // Keyed by value: a sift compares keys in the heap's own array instead of reading two sends from all over the heap.
    private readonly PriorityQueue<PendingSend, DueKey> _heap = new();

    /// <summary>The sends queued and not removed.</summary>
    public int Count { get; private set; }

    /// <summary>The send due first, or null when none is queued.</summary>
    public PendingSend? First
    {
        get
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
            return null;
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
                // Still in the heap, at the same place: its due time never changes.
                send.DueMark = DueMark.Queued;
                break;
            default:
                _heap.Enqueue(send, new DueKey(send));
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
}

/// <summary>Where a pending send stands in its <see cref="DueQueue"/>.</summary>
internal enum DueMark : byte
{
    None,
    Queued,
    /// <summary>Removed, but still in the heap until it reaches the top.</summary>
    Removed,
}
