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
            using var rows = new PreparedRows(connection, transaction, "INSERT OR REPLACE INTO profiles (id, record) VALUES (@Id, @Record)", "@Id", "@Record");
            foreach (var id in _profiles)
            {
                rows.Run(id, records.Profile(memory.Profile(id)));
            }
        }
        if (_follows.Count > 0)
        {
            using var rows = new PreparedRows(connection, transaction, "INSERT OR IGNORE INTO follows (followee, follower) VALUES (@Followee, @Follower)",
                "@Followee", "@Follower");
            foreach (var (followee, follower) in _follows)
            {
                rows.Run(followee, follower);
            }
        }
        if (_history.Count > 0)
        {
            using var rows = new PreparedRows(connection, transaction, "INSERT INTO history (time, record) VALUES (@Time, @Record)", "@Time", "@Record");
            foreach (var e in _history)
            {
                rows.Run(e.Time.UtcTicks, records.Event(e));
            }
        }
        if (_sends.Count > 0)
        {
            using var inserts = new PreparedRows(connection, transaction, """
                INSERT INTO sends (rule, user_id, channel, time, transactional, converted, trigger_id, trigger_record)
                VALUES (@Rule, @User, @Channel, @Time, @Transactional, @Converted, @TriggerId, @TriggerRecord)
                """, "@Rule", "@User", "@Channel", "@Time", "@Transactional", "@Converted", "@TriggerId", "@TriggerRecord");
            foreach (var s in _sends)
            {
                inserts.Run(rules.Rules[s.Rule].Name, s.User, s.Channel, s.Time.UtcTicks, s.IsTransactional, s.Converted, s.Trigger.Id, records.Event(s.Trigger));
            }
            // After all the sends, as before: a rule and user sent twice in one pass keep the last time.
            using var last = new PreparedRows(connection, transaction, "INSERT OR REPLACE INTO last_sends (rule, user_id, time) VALUES (@Rule, @User, @Time)",
                "@Rule", "@User", "@Time");
            foreach (var s in _sends)
            {
                last.Run(rules.Rules[s.Rule].Name, s.User, s.Time.UtcTicks);
            }
        }
        if (_converted.Count > 0)
        {
            using var rows = new PreparedRows(connection, transaction,
                "UPDATE sends SET converted = 1 WHERE rule = @Rule AND user_id = @User AND time = @Time AND trigger_id = @TriggerId",
                "@Rule", "@User", "@Time", "@TriggerId");
            foreach (var s in _converted)
            {
                rows.Run(rules.Rules[s.Rule].Name, s.User, s.Time.UtcTicks, s.Trigger.Id);
            }
        }
        if (_pending.Count > 0)
        {
            using (var deletes = new PreparedRows(connection, transaction, "DELETE FROM pending WHERE id = @Id", "@Id"))
            {
                foreach (var (id, send) in _pending)
                {
                    if (send is null)
                    {
                        deletes.Run(id);
                    }
                }
            }
            using var upserts = new PreparedRows(connection, transaction,
                "INSERT OR REPLACE INTO pending (id, due, rule, recipient, payload) VALUES (@Id, @Due, @Rule, @Recipient, @Payload)",
                "@Id", "@Due", "@Rule", "@Recipient", "@Payload");
            foreach (var p in _pending.Values)
            {
                if (p is not null)
                {
                    upserts.Run(p.Id, p.Due.UtcTicks, rules.Rules[p.Rule].Name, p.Recipient, pendingJson.Payload(p));
                }
            }
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
