using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// The engine's state in memory, for the simulator and <c>trig test</c>. Pending
/// sends are also kept in due order, so that the simulator's virtual clock can
/// jump to the next one.
/// </summary>
public sealed class MemoryState(Func<string, UserRecord> newUser) : IEngineState
{
    // One lookup serves a user's profile, sends and pending sends; the last user looked up is kept at hand, since a
    // decision asks about one recipient several times in a row (a tenth of the simulation was these lookups).
    private readonly Dictionary<string, UserState> _users = new(StringComparer.Ordinal);
    private string? _lastUserId;
    private UserState? _lastUser;
    private readonly Dictionary<string, SortedSet<string>> _followers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string User, string Event), List<EventRecord>> _history = [];
    private readonly Dictionary<(int Rule, string User), DateTimeOffset> _lastSends = [];
    private readonly SortedSet<PendingSend> _due = new(PendingSend.Order);
    private readonly Dictionary<(int Rule, string User, DateTimeOffset Time), PendingSend> _digests = [];

    // What was remembered, in the order it came (time order, as inputs and sends come): Forget walks only the
    // old front of these instead of every user's lists every time.
    private readonly Queue<(DateTimeOffset Time, (string User, string Event) Key)> _historyOrder = new();
    private readonly Queue<(DateTimeOffset Time, string User)> _sendOrder = new();

    public int PendingCount => _due.Count;

    /// <summary>The pending send due first (in §11 order), or null when nothing is pending.</summary>
    public PendingSend? NextDue => _due.Count == 0 ? null : _due.Min;

    public Profile Profile(string userId) => User(userId).Profile ??= new Profile(newUser(userId));

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

    // The trigger stays with the message when it keeps it: memory holds nothing else of a send.
    public void RecordSend(SentMessage message, EventRecord trigger)
    {
        (User(message.User).Sends ??= []).Add(message);
        _sendOrder.Enqueue((message.Time, message.User));
        _lastSends[(message.Rule, message.User)] = message.Time;
    }

    /// <summary>A last send kept by a store after the send itself was forgotten (<c>once</c> keeps it forever).</summary>
    public void RestoreLastSend(int rule, string userId, DateTimeOffset time) => _lastSends[(rule, userId)] = time;

    public IReadOnlyList<SentMessage> Sends(string userId) => Known(userId)?.Sends ?? (IReadOnlyList<SentMessage>)[];

    public DateTimeOffset? LastSend(int rule, string userId) =>
        _lastSends.TryGetValue((rule, userId), out var time) ? time : null;

    public void AddPending(PendingSend send)
    {
        _due.Add(send);
        (User(send.Recipient).Pending ??= []).Add(send);
        if (send.Digest is { } batch)
        {
            _digests[(send.Rule, send.Recipient, batch.DigestTime)] = send;
        }
    }

    public void RemovePending(PendingSend send)
    {
        _due.Remove(send);
        if (Known(send.Recipient) is { Pending: { } set } user && set.Remove(send) && set.Count == 0)
        {
            user.Pending = null;
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

    public IEnumerable<PendingSend> PendingFor(string userId) => Known(userId)?.Pending ?? (IEnumerable<PendingSend>)[];

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
            if (Known(old.User) is { Sends: { } list } user)
            {
                DropOld(list, static (s, before) => s.Time < before, sends);
                if (list.Count == 0)
                {
                    user.Sends = null;
                }
            }
        }
    }

    /// <summary>Drops the old prefix of one remembered list (lists are in time order), and the list when it is left empty.</summary>
    private static void Prune<TKey, T>(Dictionary<TKey, List<T>> lists, TKey key, Func<T, DateTimeOffset, bool> isOld, DateTimeOffset before)
        where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var list))
        {
            return;
        }
        DropOld(list, isOld, before);
        if (list.Count == 0)
        {
            lists.Remove(key);
        }
    }

    private static void DropOld<T>(List<T> list, Func<T, DateTimeOffset, bool> isOld, DateTimeOffset before)
    {
        var count = 0;
        while (count < list.Count && isOld(list[count], before))
        {
            count++;
        }
        list.RemoveRange(0, count);
    }

    /// <summary>The user's entry, made on first use.</summary>
    private UserState User(string userId)
    {
        if (Known(userId) is { } known)
        {
            return known;
        }
        var user = new UserState();
        _users.Add(userId, user);
        (_lastUserId, _lastUser) = (userId, user);
        return user;
    }

    /// <summary>The user's entry, or null for a user the state holds nothing for.</summary>
    private UserState? Known(string userId)
    {
        // By reference: the ids of one decision are the same string objects (the trigger's, the send's).
        if (ReferenceEquals(userId, _lastUserId))
        {
            return _lastUser;
        }
        if (!_users.TryGetValue(userId, out var user))
        {
            return null;
        }
        (_lastUserId, _lastUser) = (userId, user);
        return user;
    }

    /// <summary>What is kept per user; a part left empty is dropped, as a dictionary entry was before.</summary>
    private sealed class UserState
    {
        public Profile? Profile;
        public List<SentMessage>? Sends;
        public HashSet<PendingSend>? Pending;
    }
}
