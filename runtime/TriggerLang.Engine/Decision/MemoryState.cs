using System.Runtime.InteropServices;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// The engine's state in memory, for the simulator and <c>trig test</c>. Pending
/// sends are also kept in due order, so that the simulator's virtual clock can
/// jump to the next one.
/// </summary>
/// <param name="newUser">Makes the empty profile of a user first seen (§11).</param>
/// <param name="rules">What is kept for the rules to ask: pending sends are findable by recipient only when an event may cancel them
/// (<see cref="RuleBook.IsCancellable"/>), and last sends are kept only for rules that read them (<see cref="RuleBook.KeepsLastSend"/>).</param>
public sealed class MemoryState(Func<string, UserRecord> newUser, RuleBook rules) : IEngineState
{
    // One lookup serves everything kept of a user (UserState); the last user looked up is kept at hand, since a
    // decision asks about one recipient several times in a row (a tenth of the simulation was these lookups).
    private readonly Dictionary<string, UserState> _users = new(StringComparer.Ordinal);
    private string? _lastUserId;
    private UserState? _lastUser;
    // The entries by the number the input's reader gave each user id (EventInput.UserNumber), so that the user of an
    // event read is found without hashing the id again: the reader hashed it already, to share its string.
    private UserState?[] _byNumber = [];
    private readonly Dictionary<string, FollowerList> _followers = new(StringComparer.Ordinal);
    private readonly DueQueue _due = new();

    // What was remembered, in the order it came (time order, as inputs and sends come), one queue per event name and
    // per rule since each has its own retention: Forget walks only the old front of these instead of every user's
    // lists every time. They hold the user's entry, not the id, so as not to look each one up again, and the time as UTC
    // ticks: 16 bytes an entry instead of 24, and a quarter of a million entries.
    private readonly Dictionary<string, Queue<(long UtcTicks, UserState User)>> _historyOrder = new(StringComparer.Ordinal);
    private readonly List<Queue<(long UtcTicks, UserState User)>?> _sendOrder = [];
    private readonly HashSet<UserState> _sweep = new(ReferenceEqualityComparer.Instance);
    private long[] _sendCutoffs = [];

    public int PendingCount => _due.Count;

    /// <summary>The pending send due first (in §11 order), or null when nothing is pending.</summary>
    public PendingSend? NextDue => _due.First;

    public Profile Profile(string userId)
    {
        var user = User(userId);
        return user.Profile ??= new Profile(newUser(userId)) { Entry = user };
    }

    public void AddFollow(string follower, string followee)
    {
        if (!_followers.TryGetValue(followee, out var followers))
        {
            _followers[followee] = followers = new();
        }
        followers.Add(follower);
    }

    public IReadOnlyList<Profile> Followers(string userId) =>
        _followers.TryGetValue(userId, out var followers) ? followers.Profiles(this) : Array.Empty<Profile>();

    public void Remember(EventRecord e)
    {
        var user = User(e.UserId);
        user.Remember(e);
        if (!_historyOrder.TryGetValue(e.Name, out var order))
        {
            _historyOrder[e.Name] = order = new();
        }
        order.Enqueue((e.Time.UtcTicks, user));
    }

    public ReadOnlySpan<EventRecord> History(string userId, string eventName) => CollectionsMarshal.AsSpan(Known(userId)?.History(eventName));

    // The trigger stays with the message when it keeps it: memory holds nothing else of a send.
    public void RecordSend(string userId, SentMessage message, EventRecord trigger)
    {
        var user = User(userId);
        if (user.SendsFull && user.ExpiredSends > 0)
        {
            // Room from the sends the last pass found expired, before the list grows for them (Forget sweeps lazily).
            user.ForgetSends(_sendCutoffs);
        }
        user.AddSend(message);
        if (rules.KeepsLastSend(message.Rule))
        {
            user.SetLastSend(message.Rule, message.Time);
        }
        while (_sendOrder.Count <= message.Rule)
        {
            _sendOrder.Add(null);
        }
        (_sendOrder[message.Rule] ??= new()).Enqueue((message.UtcTicks, user));
    }

    /// <summary>A last send kept by a store after the send itself was forgotten (<c>once</c> keeps it forever).</summary>
    public void RestoreLastSend(int rule, string userId, DateTimeOffset time) => User(userId).SetLastSend(rule, time);

    public ReadOnlySpan<SentMessage> Sends(string userId) => Known(userId) is { } user ? user.Sends : default;

    public DateTimeOffset? LastSend(int rule, string userId) => Known(userId)?.LastSend(rule);

    public void AddPending(PendingSend send)
    {
        // The engine gives the owner of a send it makes for a profile it holds (PendingSend.Owner).
        var user = send.Owner ?? User(send.Recipient);
        send.Owner = user;
        _due.Add(send);
        // Most sends are never looked for by recipient: listing them all cost a fifth of firing one (the user's list is
        // seldom in the cache by then).
        user.AddPending(send, findable: rules.IsCancellable(send.Rule));
    }

    public void RemovePending(PendingSend send)
    {
        _due.Remove(send);
        if (send.Owner is { } user)
        {
            user.RemovePending(send);
            // The decision on the send comes next and asks about its recipient.
            (_lastUserId, _lastUser) = (send.Recipient, user);
        }
    }

    // The objects in memory are the state: a change in place needs no bookkeeping.
    public void PendingChanged(PendingSend send)
    {
    }

    public void MarkConverted(string userId, int index) => Known(userId)!.Sends[index].Converted = true;

    public ReadOnlySpan<PendingSend> PendingFor(string userId) => Known(userId) is { } user ? user.Pending : default;

    public PendingSend? DigestFor(int rule, Profile recipient, DateTimeOffset digestTime) =>
        (recipient.Entry ?? Known(recipient.User.Id))?.Digest(rule, digestTime);

    public void Forget(DateTimeOffset now)
    {
        foreach (var (name, order) in _historyOrder)
        {
            var before = now - rules.EventRetentionOf(name);
            var beforeTicks = before.UtcTicks;
            while (order.TryPeek(out var old) && old.UtcTicks < beforeTicks)
            {
                order.Dequeue();
                old.User.ForgetHistory(name, before);
            }
        }
        // Each rule's cutoff worked out once per pass. A user's sends are swept here only once at least half of them have
        // expired (UserState.ExpiredSends), or by RecordSend when a send finds the list full: a sweep walks all of them,
        // since retentions differ by rule, and sweeping every user with one expired send at every pass walked a busy
        // user's week of sends every hour. Keeping expired sends a while is allowed (IEngineState.Forget): every reader
        // counts only the sends in its own period.
        var cutoffs = _sendCutoffs.Length == rules.Rules.Length ? _sendCutoffs : _sendCutoffs = new long[rules.Rules.Length];
        for (var rule = 0; rule < cutoffs.Length; rule++)
        {
            cutoffs[rule] = (now - rules.SendRetentionOf(rule)).UtcTicks;
        }
        for (var rule = 0; rule < _sendOrder.Count; rule++)
        {
            var order = _sendOrder[rule];
            while (order is not null && order.TryPeek(out var old) && old.UtcTicks < cutoffs[rule])
            {
                order.Dequeue();
                // None left: a sweep took the send already (a host whose sends came out of time order).
                var sends = old.User.Sends.Length;
                if (sends > 0 && ++old.User.ExpiredSends * 2 >= sends)
                {
                    _sweep.Add(old.User);
                }
            }
        }
        foreach (var user in _sweep)
        {
            user.ForgetSends(cutoffs);
        }
        _sweep.Clear();
    }

    /// <summary>
    /// Puts the entry of the user of the event about to be ingested at hand, found by the number its reader gave the id
    /// (<see cref="Records.EventInput.UserNumber"/>; -1 for none). The entry found is checked against the id, so that
    /// numbers from another reader can only cost a lookup, never give the wrong user.
    /// </summary>
    internal void Focus(int userNumber, string userId)
    {
        if (userNumber < 0)
        {
            return;
        }
        if (userNumber >= _byNumber.Length)
        {
            Array.Resize(ref _byNumber, Math.Max(userNumber + 1, 2 * _byNumber.Length));
        }
        // String equality tries the reference first: the reader's ids are the entry's own strings.
        if (_byNumber[userNumber] is { } user && user.Id == userId)
        {
            (_lastUserId, _lastUser) = (userId, user);
        }
        else
        {
            // Users are never dropped, so an entry found stays the user's.
            _byNumber[userNumber] = Known(userId);
        }
    }

    /// <summary>The user's entry, made on first use.</summary>
    private UserState User(string userId)
    {
        if (Known(userId) is { } known)
        {
            return known;
        }
        var user = new UserState(userId);
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

    /// <summary>
    /// The followers of one user: appended as follows come, sorted and rid of repeats when next read, with their profiles
    /// beside them. Follows come once (mostly at the start, by the thousand for a popular user) and fan-outs read them on
    /// every trigger: a sorted set allocated a stack for every enumeration, inserting in order would be quadratic, and
    /// looking each follower's profile up by id at every fan-out was about 4% of a simulation.
    /// </summary>
    private sealed class FollowerList
    {
        private readonly List<string> _ids = [];
        // The profiles of _ids, in the same order, while their count matches: a follow that comes in order adds its
        // profile; one out of order leaves the list to be sorted and the profiles looked up again at the next read.
        private readonly List<Profile> _profiles = [];
        private bool _sorted = true;

        public void Add(string id)
        {
            if (_ids.Count > 0 && string.CompareOrdinal(_ids[^1], id) >= 0)
            {
                _sorted = false;
            }
            _ids.Add(id);
        }

        /// <summary>The followers' profiles in id order, each once, from (or made by) <paramref name="state"/>.</summary>
        public IReadOnlyList<Profile> Profiles(MemoryState state)
        {
            if (!_sorted)
            {
                SortAndDropRepeats();
                _profiles.Clear();
            }
            for (var i = _profiles.Count; i < _ids.Count; i++)
            {
                _profiles.Add(state.Profile(_ids[i]));
            }
            return _profiles;
        }

        private void SortAndDropRepeats()
        {
            _ids.Sort(StringComparer.Ordinal);
            var kept = 1;
            for (var i = 1; i < _ids.Count; i++)
            {
                if (_ids[i] != _ids[kept - 1])
                {
                    _ids[kept++] = _ids[i];
                }
            }
            _ids.RemoveRange(kept, _ids.Count - kept);
            _sorted = true;
        }
    }
}
