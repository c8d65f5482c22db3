using Dapper;
using Microsoft.Data.Sqlite;
using TriggerLang.Engine.Decision;
using TriggerLang.Evaluation;

namespace TriggerLang.Runtime.Storage;

/// <summary>
/// The engine's state for the live runtime: the objects live in a <see cref="MemoryState"/> (the engine reads them
/// at memory speed), and every change is also noted, to be written to SQLite by <see cref="Flush"/> in the decision
/// loop's transaction. After a crash the database holds the state as of the last commit, and the inputs after it are
/// still in the inbox: nothing is lost and nothing is applied twice.
/// </summary>
internal sealed class DurableState(MemoryState memory, StoredRecords records, PendingJson pendingJson, RuleBook rules) : IEngineState
{
    private readonly HashSet<string> _profiles = new(StringComparer.Ordinal);
    private readonly List<(string Followee, string Follower)> _follows = [];
    private readonly List<EventRecord> _history = [];
    private readonly List<SentMessage> _sends = [];
    private readonly List<SentMessage> _converted = [];
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

    public IReadOnlyCollection<string> Followers(string userId) => memory.Followers(userId);

    public void Remember(EventRecord e)
    {
        memory.Remember(e);
        _history.Add(e);
    }

    public IEnumerable<EventRecord> History(string userId, string eventName) => memory.History(userId, eventName);

    public void RecordSend(SentMessage message)
    {
        memory.RecordSend(message);
        _sends.Add(message);
    }

    public IReadOnlyList<SentMessage> Sends(string userId) => memory.Sends(userId);

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

    public void SendConverted(SentMessage message) => _converted.Add(message);

    public IEnumerable<PendingSend> PendingFor(string userId) => memory.PendingFor(userId);

    public PendingSend? DigestFor(int rule, string userId, DateTimeOffset digestTime) => memory.DigestFor(rule, userId, digestTime);

    public void Forget(DateTimeOffset events, DateTimeOffset sends)
    {
        memory.Forget(events, sends);
        _forget = (events, sends);
    }

    /// <summary>Writes the changes noted since the last flush, in <paramref name="transaction"/>.</summary>
    public void Flush(SqliteConnection connection, SqliteTransaction transaction)
    {
        if (_profiles.Count > 0)
        {
            connection.Execute("INSERT OR REPLACE INTO profiles (id, record) VALUES (@Id, @Record)",
                _profiles.Select(id => new { Id = id, Record = records.Profile(memory.Profile(id)) }), transaction);
        }
        if (_follows.Count > 0)
        {
            connection.Execute("INSERT OR IGNORE INTO follows (followee, follower) VALUES (@Followee, @Follower)",
                _follows.Select(f => new { f.Followee, f.Follower }), transaction);
        }
        if (_history.Count > 0)
        {
            connection.Execute("INSERT INTO history (time, record) VALUES (@Time, @Record)",
                _history.Select(e => new { Time = e.Time.UtcTicks, Record = records.Event(e) }), transaction);
        }
        if (_sends.Count > 0)
        {
            var rows = _sends.Select(s => new
            {
                Rule = rules.Rules[s.Rule].Name,
                s.User,
                s.Channel,
                Time = s.Time.UtcTicks,
                Transactional = s.IsTransactional,
                s.Converted,
                TriggerId = s.Trigger.Id,
                TriggerRecord = records.Event(s.Trigger),
            }).ToList();
            connection.Execute("""
                INSERT INTO sends (rule, user_id, channel, time, transactional, converted, trigger_id, trigger_record)
                VALUES (@Rule, @User, @Channel, @Time, @Transactional, @Converted, @TriggerId, @TriggerRecord)
                """, rows, transaction);
            connection.Execute("INSERT OR REPLACE INTO last_sends (rule, user_id, time) VALUES (@Rule, @User, @Time)", rows, transaction);
        }
        if (_converted.Count > 0)
        {
            connection.Execute("UPDATE sends SET converted = 1 WHERE rule = @Rule AND user_id = @User AND time = @Time AND trigger_id = @TriggerId",
                _converted.Select(s => new { Rule = rules.Rules[s.Rule].Name, s.User, Time = s.Time.UtcTicks, TriggerId = s.Trigger.Id }), transaction);
        }
        if (_pending.Count > 0)
        {
            connection.Execute("DELETE FROM pending WHERE id = @Id", _pending.Where(p => p.Value is null).Select(p => new { Id = p.Key }), transaction);
            connection.Execute("INSERT OR REPLACE INTO pending (id, due, rule, recipient, payload) VALUES (@Id, @Due, @Rule, @Recipient, @Payload)",
                _pending.Values.OfType<PendingSend>().Select(p => new
                {
                    p.Id,
                    Due = p.Due.UtcTicks,
                    Rule = rules.Rules[p.Rule].Name,
                    p.Recipient,
                    Payload = pendingJson.Payload(p),
                }), transaction);
        }
        if (_forget is var (events, sends))
        {
            connection.Execute("DELETE FROM history WHERE time < @Events; DELETE FROM sends WHERE time < @Sends",
                new { Events = events.UtcTicks, Sends = sends.UtcTicks }, transaction);
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
