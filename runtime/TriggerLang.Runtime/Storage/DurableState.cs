using TriggerLang.Engine.Decision;
using TriggerLang.Evaluation;

namespace TriggerLang.Runtime.Storage;

/// <summary>
/// The engine's state for the live runtime: the objects live in a <see cref="MemoryState"/> (the engine reads them
/// at memory speed), and every change is also noted, to be written to the store by <see cref="Flush"/> in the decision
/// loop's pass (one transaction). After a crash the store holds the state as of the last commit, and the inputs after it are
/// still in the inbox: nothing is lost and nothing is applied twice.
/// </summary>
internal sealed class DurableState(MemoryState memory, StoredRecords records, PendingJson pendingJson, RuleBook rules) : IEngineState
{
    private readonly HashSet<string> _profiles = new(StringComparer.Ordinal);
    private readonly List<(string Followee, string Follower)> _follows = [];
    private readonly List<EventRecord> _history = [];
    private readonly List<(string User, SentMessage Message, EventRecord Trigger)> _sends = [];
    private readonly List<(string User, SentMessage Message)> _converted = [];
    // The last change of each pending send since the flush: the send to write, or null to delete it.
    private readonly Dictionary<long, PendingSend?> _pending = [];
    private (DateTimeOffset Events, DateTimeOffset Sends)? _forget;

    public MemoryState Memory => memory;

    public Profile Profile(string userId) => memory.Profile(userId);

    /// <summary>The profile was updated in place (a user record, a subscription change).</summary>
    public void ProfileChanged(string userId) => _profiles.Add(userId);

    public void AddFollow(string follower, string followee)
    {
        memory.AddFollow(follower, followee);
        _follows.Add((followee, follower));
    }

    public IReadOnlyList<Profile> Followers(string userId) => memory.Followers(userId);

    public void Remember(EventRecord e)
    {
        memory.Remember(e);
        _history.Add(e);
    }

    public ReadOnlySpan<EventRecord> History(string userId, string eventName) => memory.History(userId, eventName);

    public void RecordSend(string userId, SentMessage message, EventRecord trigger)
    {
        memory.RecordSend(userId, message, trigger);
        _sends.Add((userId, message, trigger));
    }

    public ReadOnlySpan<SentMessage> Sends(string userId) => memory.Sends(userId);

    public DateTimeOffset? LastSend(int rule, string userId) => memory.LastSend(rule, userId);

    public void AddPending(PendingSend send)
    {
        memory.AddPending(send);
        _pending[send.Id] = send;
    }

    public void RemovePending(PendingSend send)
    {
        memory.RemovePending(send);
        _pending[send.Id] = null;
    }

    /// <summary>Deletes a pending send that never reached memory (its rule is gone, see <see cref="StateLoader"/>).</summary>
    public void DeleteOrphan(long id) => _pending[id] = null;

    public void PendingChanged(PendingSend send) => _pending[send.Id] = send;

    public void MarkConverted(string userId, int index)
    {
        memory.MarkConverted(userId, index);
        _converted.Add((userId, memory.Sends(userId)[index]));
    }

    public ReadOnlySpan<PendingSend> PendingFor(string userId) => memory.PendingFor(userId);

    public PendingSend? DigestFor(int rule, Profile recipient, DateTimeOffset digestTime) => memory.DigestFor(rule, recipient, digestTime);

    public void Forget(DateTimeOffset now)
    {
        memory.Forget(now);
        // The database forgets by the longest retentions, in two statements: keeping more than memory is harmless (no
        // check looks back further than it needs), and a restart loads it and memory forgets it again.
        _forget = (now - rules.EventRetention, now - rules.SendRetention);
    }

    /// <summary>Writes the changes noted since the last flush into the pass.</summary>
    public void Flush(IPass pass)
    {
        foreach (var id in _profiles)
        {
            pass.Profile(id, records.Profile(memory.Profile(id)));
        }
        foreach (var (followee, follower) in _follows)
        {
            pass.Follow(followee, follower);
        }
        foreach (var e in _history)
        {
            pass.Remember(e.Time, records.Event(e));
        }
        foreach (var (user, s, trigger) in _sends)
        {
            pass.Send(new StoredSend(rules.Rules[s.Rule].Name, user, s.Channel, s.Time, s.IsTransactional, s.Converted, s.TriggerId,
                records.Event(trigger)));
        }
        foreach (var (user, s) in _converted)
        {
            pass.Converted(rules.Rules[s.Rule].Name, user, s.Time, s.TriggerId);
        }
        foreach (var (id, send) in _pending)
        {
            if (send is null)
            {
                pass.DeletePending(id);
            }
            else
            {
                pass.Pending(new StoredPending(send.Id, send.Due, rules.Rules[send.Rule].Name, send.Recipient), pendingJson.Payload(send));
            }
        }
        if (_forget is var (events, sends))
        {
            pass.Forget(events, sends);
        }
        Clear();
    }

    /// <summary>Forgets the noted changes (after a flush, or when a pass is abandoned and the state reloaded).</summary>
    public void Clear()
    {
        _profiles.Clear();
        _follows.Clear();
        _history.Clear();
        _sends.Clear();
        _converted.Clear();
        _pending.Clear();
        _forget = null;
    }
}
