using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// What <see cref="MemoryState"/> keeps per user, so that one lookup by id finds all of it: the profile, the sends
/// still remembered, the pending sends, the remembered events and the last send of each rule that reads it. Each part
/// is made on first use and dropped when left empty (the last sends excepted: <c>once</c> keeps them forever). A user
/// has few of each, so lists scanned in place cost less than tables keyed by (rule, user…), which hashed the id string
/// again for every question and held an entry per key.
/// </summary>
internal sealed class UserState(string id)
{
    public string Id { get; } = id;

    public Profile? Profile;

    // The sends still remembered, oldest first: _sends[.._sendCount]. An array and a count rather than a list: a check of
    // the caps reaches them through one reference less, and the user's objects are seldom in the cache when it runs.
    private SentMessage[]? _sends;
    private int _sendCount;

    /// <summary>The sends still remembered, oldest first; valid until the next <see cref="AddSend"/> or <see cref="ForgetSends"/>.</summary>
    public Span<SentMessage> Sends => _sends.AsSpan(0, _sendCount);

    /// <summary>Whether the next <see cref="AddSend"/> has to grow the array.</summary>
    public bool SendsFull => _sends is { } sends && _sendCount == sends.Length;

    public void AddSend(SentMessage message)
    {
        if (_sends is null)
        {
            _sends = new SentMessage[4];
        }
        else if (_sendCount == _sends.Length)
        {
            Array.Resize(ref _sends, 2 * _sendCount);
        }
        _sends[_sendCount++] = message;
    }

    /// <summary>How many of <see cref="Sends"/> are past their rule's retention, not yet swept (<see cref="ForgetSends"/>).</summary>
    public int ExpiredSends;

    /// <summary>
    /// The pending sends that an event may cancel (<see cref="MemoryState.PendingFor"/>), in no particular order: a removal
    /// moves the last one into the gap (<see cref="PendingSend.OwnerSlot"/>).
    /// </summary>
    public List<PendingSend>? Pending;

    // The OwnerSlot of a send not in Pending.
    private const int NotListed = -1;

    // The pending digest sends, listed or not, with what finds them: a look-up reads no send but the one found.
    private List<(int Rule, DateTimeOffset DigestTime, PendingSend Send)>? _digests;

    private List<(string Event, List<EventRecord> Events)>? _history;
    private List<(int Rule, DateTimeOffset Time)>? _lastSends;

    /// <summary>The remembered events of one name, oldest first, or null.</summary>
    public List<EventRecord>? History(string eventName)
    {
        if (_history is { } history)
        {
            foreach (var (name, events) in history)
            {
                if (name == eventName)
                {
                    return events;
                }
            }
        }
        return null;
    }

    public void Remember(EventRecord e)
    {
        if (History(e.Name) is { } events)
        {
            events.Add(e);
            return;
        }
        (_history ??= []).Add((e.Name, [e]));
    }

    /// <summary>Drops the events of one name dated before <paramref name="before"/> (they are in time order), and the name when none is left.</summary>
    public void ForgetHistory(string eventName, DateTimeOffset before)
    {
        if (_history is not { } history)
        {
            return;
        }
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Event != eventName)
            {
                continue;
            }
            var events = history[i].Events;
            DropBefore(events, before);
            if (events.Count == 0)
            {
                history.RemoveAt(i);
                _history = history.Count == 0 ? null : history;
            }
            return;
        }
    }

    /// <summary>
    /// Drops the sends older than their rule's cutoff (<paramref name="cutoffTicks"/>, UTC ticks by rule), and the list
    /// when none is left: all those counted in <see cref="ExpiredSends"/>, as cutoffs only move forward. The sends stay in
    /// time order; as retentions differ by rule, the dropped ones need not be a prefix.
    /// </summary>
    public void ForgetSends(ReadOnlySpan<long> cutoffTicks)
    {
        var sends = Sends;
        var kept = 0;
        for (var i = 0; i < sends.Length; i++)
        {
            if (sends[i].UtcTicks >= cutoffTicks[sends[i].Rule])
            {
                sends[kept++] = sends[i];
            }
        }
        // The slots left behind still point to ids and events: cleared, so that the GC can take them.
        sends[kept..].Clear();
        _sendCount = kept;
        ExpiredSends = 0;
        if (kept == 0)
        {
            _sends = null;
        }
    }

    public DateTimeOffset? LastSend(int rule)
    {
        if (_lastSends is { } lastSends)
        {
            foreach (var (sent, time) in lastSends)
            {
                if (sent == rule)
                {
                    return time;
                }
            }
        }
        return null;
    }

    public void SetLastSend(int rule, DateTimeOffset time)
    {
        var lastSends = _lastSends ??= [];
        for (var i = 0; i < lastSends.Count; i++)
        {
            if (lastSends[i].Rule == rule)
            {
                lastSends[i] = (rule, time);
                return;
            }
        }
        lastSends.Add((rule, time));
    }

    /// <summary>Adds a pending send: to <see cref="Pending"/> when <paramref name="findable"/>, to the open digests when it is one.</summary>
    public void AddPending(PendingSend send, bool findable)
    {
        send.OwnerSlot = NotListed;
        if (findable)
        {
            var pending = Pending ??= [];
            send.OwnerSlot = pending.Count;
            pending.Add(send);
        }
        if (send.Digest is { } batch)
        {
            (_digests ??= []).Add((send.Rule, batch.DigestTime, send));
        }
    }

    /// <summary>Removes a pending send (by reference), and the lists when they are left empty.</summary>
    public void RemovePending(PendingSend send)
    {
        if (send.OwnerSlot != NotListed && Pending is { } pending && send.OwnerSlot < pending.Count
            && ReferenceEquals(pending[send.OwnerSlot], send))
        {
            var last = pending[^1];
            pending[send.OwnerSlot] = last;
            last.OwnerSlot = send.OwnerSlot;
            pending.RemoveAt(pending.Count - 1);
            if (pending.Count == 0)
            {
                Pending = null;
            }
        }
        if (send.Digest is not null && _digests is { } digests)
        {
            for (var i = 0; i < digests.Count; i++)
            {
                if (ReferenceEquals(digests[i].Send, send))
                {
                    digests.RemoveAt(i);
                    break;
                }
            }
            if (digests.Count == 0)
            {
                _digests = null;
            }
        }
    }

    /// <summary>The open digest send of a rule for a digest time. At most one is pending at a time (a rescheduled one replaces the fired one).</summary>
    public PendingSend? Digest(int rule, DateTimeOffset digestTime)
    {
        if (_digests is { } digests)
        {
            foreach (var (sendRule, time, send) in digests)
            {
                if (sendRule == rule && time == digestTime)
                {
                    return send;
                }
            }
        }
        return null;
    }

    /// <summary>Drops the prefix of a list of events in time order dated before <paramref name="before"/>.</summary>
    private static void DropBefore(List<EventRecord> events, DateTimeOffset before)
    {
        var old = 0;
        while (old < events.Count && events[old].Time < before)
        {
            old++;
        }
        events.RemoveRange(0, old);
    }
}
