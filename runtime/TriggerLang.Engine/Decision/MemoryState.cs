using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// The engine's state in memory, for the simulator and <c>trig test</c>. Pending
/// sends are also kept in due order, so that the simulator's virtual clock can
/// jump to the next one.
/// </summary>
public sealed class MemoryState(Func<string, UserRecord> newUser) : IEngineState
{
    private readonly Dictionary<string, Profile> _profiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _followers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string User, string Event), List<EventRecord>> _history = [];
    private readonly Dictionary<string, List<SentMessage>> _sends = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Rule, string User), DateTimeOffset> _lastSends = [];
    private readonly SortedSet<PendingSend> _due = new(PendingSend.Order);
    private readonly Dictionary<string, HashSet<PendingSend>> _pendingByUser = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Rule, string User, DateTimeOffset Time), PendingSend> _digests = [];

    // What was remembered, in the order it came (time order, as inputs and sends come): Forget walks only the
    // old front of these instead of every user's lists every time.
    private readonly Queue<(DateTimeOffset Time, (string User, string Event) Key)> _historyOrder = new();
    private readonly Queue<(DateTimeOffset Time, string User)> _sendOrder = new();

    public int PendingCount => _due.Count;

    /// <summary>The pending send due first (in §11 order), or null when nothing is pending.</summary>
    public PendingSend? NextDue => _due.Count == 0 ? null : _due.Min;

    public Profile Profile(string userId)
    {
        if (!_profiles.TryGetValue(userId, out var profile))
        {
            profile = new Profile(newUser(userId));
            _profiles.Add(userId, profile);
        }
        return profile;
    }

    public void AddFollow(string follower, string followee)
    {
        if (!_followers.TryGetValue(followee, out var set))
        {
            _followers[followee] = set = new SortedSet<string>(StringComparer.Ordinal);
        }
        set.Add(follower);
    }

    public IReadOnlyCollection<string> Followers(string userId) =>
        _followers.TryGetValue(userId, out var set) ? set : [];

    public void Remember(EventRecord e)
    {
        var key = (e.UserId, e.Name);
        if (!_history.TryGetValue(key, out var list))
        {
            _history[key] = list = [];
        }
        list.Add(e);
        _historyOrder.Enqueue((e.Time, key));
    }

    public IEnumerable<EventRecord> History(string userId, string eventName) =>
        _history.TryGetValue((userId, eventName), out var list) ? list : [];

    public void RecordSend(SentMessage message)
    {
        if (!_sends.TryGetValue(message.User, out var list))
        {
            _sends[message.User] = list = [];
        }
        list.Add(message);
        _sendOrder.Enqueue((message.Time, message.User));
        _lastSends[(message.Rule, message.User)] = message.Time;
    }

    /// <summary>A last send kept by a store after the send itself was forgotten (<c>once</c> keeps it forever).</summary>
    public void RestoreLastSend(int rule, string userId, DateTimeOffset time) => _lastSends[(rule, userId)] = time;

    public IReadOnlyList<SentMessage> Sends(string userId) => _sends.TryGetValue(userId, out var list) ? list : [];

    public DateTimeOffset? LastSend(int rule, string userId) =>
        _lastSends.TryGetValue((rule, userId), out var time) ? time : null;

    public void AddPending(PendingSend send)
    {
        _due.Add(send);
        if (!_pendingByUser.TryGetValue(send.Recipient, out var set))
        {
            _pendingByUser[send.Recipient] = set = [];
        }
        set.Add(send);
        if (send.Digest is { } batch)
        {
            _digests[(send.Rule, send.Recipient, batch.DigestTime)] = send;
        }
    }

    public void RemovePending(PendingSend send)
    {
        _due.Remove(send);
        if (_pendingByUser.TryGetValue(send.Recipient, out var set) && set.Remove(send) && set.Count == 0)
        {
            _pendingByUser.Remove(send.Recipient);
        }
        if (send.Digest is { } batch)
        {
            _digests.Remove((send.Rule, send.Recipient, batch.DigestTime));
        }
    }

    // The objects in memory are the state: a change in place needs no bookkeeping.
    public void PendingChanged(PendingSend send)
    {
    }

    public void SendConverted(SentMessage message)
    {
    }

    public IEnumerable<PendingSend> PendingFor(string userId) =>
        _pendingByUser.TryGetValue(userId, out var set) ? set : [];

    public PendingSend? DigestFor(int rule, string userId, DateTimeOffset digestTime) =>
        _digests.GetValueOrDefault((rule, userId, digestTime));

    public void Forget(DateTimeOffset events, DateTimeOffset sends)
    {
        while (_historyOrder.TryPeek(out var old) && old.Time < events)
        {
            _historyOrder.Dequeue();
            Prune(_history, old.Key, static (e, before) => e.Time < before, events);
        }
        while (_sendOrder.TryPeek(out var old) && old.Time < sends)
        {
            _sendOrder.Dequeue();
            Prune(_sends, old.User, static (s, before) => s.Time < before, sends);
        }
    }

    /// <summary>Drops the old prefix of one list (lists are in time order), and the list when it is left empty.</summary>
    private static void Prune<TKey, T>(Dictionary<TKey, List<T>> lists, TKey key, Func<T, DateTimeOffset, bool> isOld, DateTimeOffset before)
        where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var list))
        {
            return;
        }
        var count = 0;
        while (count < list.Count && isOld(list[count], before))
        {
            count++;
        }
        list.RemoveRange(0, count);
        if (list.Count == 0)
        {
            lists.Remove(key);
        }
    }
}
