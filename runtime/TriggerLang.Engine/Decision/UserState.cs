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

    // Read when the user's objects are seldom in the cache: an InlineList saves a reference per read.
    private InlineList<SentMessage> _sends;
    private InlineList<PendingSend> _pending;
    // The pending digest sends, listed or not, with what finds them: a look-up reads no send but the one found.
    private InlineList<(int Rule, DateTimeOffset DigestTime, PendingSend Send)> _digests;

    /// <summary>The sends still remembered, oldest first; valid until the next <see cref="AddSend"/> or <see cref="ForgetSends"/>.</summary>
    public Span<SentMessage> Sends => _sends.Items;

    /// <summary>Whether the next <see cref="AddSend"/> has to grow the list.</summary>
    public bool SendsFull => _sends.IsFull;

    public void AddSend(SentMessage message) => _sends.Add(message);

    /// <summary>How many of <see cref="Sends"/> are past their rule's retention, not yet swept (<see cref="ForgetSends"/>).</summary>
    public int ExpiredSends;

    /// <summary>
    /// The pending sends that an event may cancel (<see cref="MemoryState.PendingFor"/>), in no particular order: a removal
    /// moves the last one into the gap (<see cref="PendingSend.OwnerSlot"/>). Valid until the next change.
    /// </summary>
    public Span<PendingSend> Pending => _pending.Items;

    // The OwnerSlot of a send not in Pending.
    private const int NotListed = -1;

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
        _sends.Truncate(kept);
        ExpiredSends = 0;
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
            send.OwnerSlot = _pending.Count;
            _pending.Add(send);
        }
        if (send.Digest is { } batch)
        {
            _digests.Add((send.Rule, batch.DigestTime, send));
        }
    }

    /// <summary>Removes a pending send (by reference), and the lists when they are left empty.</summary>
    public void RemovePending(PendingSend send)
    {
        var pending = _pending.Items;
        if (send.OwnerSlot != NotListed && send.OwnerSlot < pending.Length && ReferenceEquals(pending[send.OwnerSlot], send))
        {
            var last = pending[^1];
            pending[send.OwnerSlot] = last;
            last.OwnerSlot = send.OwnerSlot;
            _pending.Truncate(pending.Length - 1);
        }
        if (send.Digest is not null)
        {
            var digests = _digests.Items;
            for (var i = 0; i < digests.Length; i++)
            {
                if (ReferenceEquals(digests[i].Send, send))
                {
                    _digests.RemoveAt(i);
                    break;
                }
            }
        }
    }

    /// <summary>The open digest send of a rule for a digest time. At most one is pending at a time (a rescheduled one replaces the fired one).</summary>
    public PendingSend? Digest(int rule, DateTimeOffset digestTime)
    {
        foreach (var (sendRule, time, send) in _digests.Items)
        {
            if (sendRule == rule && time == digestTime)
            {
                return send;
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
