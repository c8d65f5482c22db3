using Microsoft.Data.Sqlite;

namespace TriggerLang.Runtime.Storage.Sqlite;

/// <summary>
/// One decision pass as one SQLite transaction, under the store's write lock from start to commit. Each statement is
/// prepared on first use and reused for every row of the pass.
/// </summary>
internal sealed class SqlitePass : IPass
{
    private readonly SqliteConnection _connection;
    private readonly Lock _writeLock;
    private readonly SqliteTransaction _transaction;
    private readonly Dictionary<string, PreparedRows> _statements = new(StringComparer.Ordinal);
    private bool _done;

    public SqlitePass(SqliteConnection connection, Lock writeLock)
    {
        _connection = connection;
        _writeLock = writeLock;
        _writeLock.Enter();
        try
        {
            _transaction = connection.BeginTransaction();
        }
        catch
        {
            _writeLock.Exit();
            throw;
        }
    }

    public void Profile(string id, string record) =>
        Run("INSERT OR REPLACE INTO profiles (id, record) VALUES (@Id, @Record)", ["@Id", "@Record"], id, record);

    public void Follow(string followee, string follower) =>
        Run("INSERT OR IGNORE INTO follows (followee, follower) VALUES (@Followee, @Follower)", ["@Followee", "@Follower"], followee, follower);

    public void Remember(DateTimeOffset time, string record) =>
        Run("INSERT INTO history (time, record) VALUES (@Time, @Record)", ["@Time", "@Record"], time.UtcTicks, record);

    public void Send(StoredSend send)
    {
        Run("""
            INSERT INTO sends (rule, user_id, channel, time, transactional, converted, trigger_id, trigger_record)
            VALUES (@Rule, @User, @Channel, @Time, @Transactional, @Converted, @TriggerId, @TriggerRecord)
            """, ["@Rule", "@User", "@Channel", "@Time", "@Transactional", "@Converted", "@TriggerId", "@TriggerRecord"],
            send.Rule, send.User, send.Channel, send.Time.UtcTicks, send.Transactional, send.Converted, send.TriggerId, send.TriggerRecord);
        // Sends are recorded in time order: the last one written is the latest.
        Run("INSERT OR REPLACE INTO last_sends (rule, user_id, time) VALUES (@Rule, @User, @Time)", ["@Rule", "@User", "@Time"],
            send.Rule, send.User, send.Time.UtcTicks);
    }

    public void Converted(string rule, string user, DateTimeOffset time, string triggerId) =>
        Run("UPDATE sends SET converted = 1 WHERE rule = @Rule AND user_id = @User AND time = @Time AND trigger_id = @TriggerId",
            ["@Rule", "@User", "@Time", "@TriggerId"], rule, user, time.UtcTicks, triggerId);

    public void Pending(StoredPending pending, string payload) =>
        Run("INSERT OR REPLACE INTO pending (id, due, rule, recipient, payload) VALUES (@Id, @Due, @Rule, @Recipient, @Payload)",
            ["@Id", "@Due", "@Rule", "@Recipient", "@Payload"], pending.Id, pending.Due.UtcTicks, pending.Rule, pending.Recipient, payload);

    public void DeletePending(long id) => Run("DELETE FROM pending WHERE id = @Id", ["@Id"], id);

    public void Forget(DateTimeOffset events, DateTimeOffset sends)
    {
        Run("DELETE FROM history WHERE time < @Time", ["@Time"], events.UtcTicks);
        Run("DELETE FROM sends WHERE time < @Time", ["@Time"], sends.UtcTicks);
    }

    public void Outcome(StoredOutcome outcome, string? explanation) =>
        Run("INSERT INTO outcomes (decision, time, rule, user_id, line, explanation) VALUES (@Decision, @Time, @Rule, @User, @Line, @Explanation)",
            ["@Decision", "@Time", "@Rule", "@User", "@Line", "@Explanation"],
            outcome.Decision, outcome.Time.UtcTicks, outcome.Rule, outcome.User, outcome.Line, explanation);

    public void Decided(StoredDelivery delivery) =>
        Run("""
            INSERT OR IGNORE INTO deliveries (idempotency_key, decision, channel, delivery, outcome)
            VALUES (@Key, @Decision, @Channel, @Delivery, @Outcome)
            """, ["@Key", "@Decision", "@Channel", "@Delivery", "@Outcome"],
            delivery.Key, delivery.Decision, delivery.Channel, delivery.Delivery, delivery.Outcome);

    public void Answered(string key) => Run("DELETE FROM deliveries WHERE idempotency_key = @Key", ["@Key"], key);

    public void DeadLetter(StoredDelivery delivery, string error, DateTimeOffset failed) =>
        Run("""
            INSERT OR REPLACE INTO dead_letters (idempotency_key, channel, delivery, error, failed)
            VALUES (@Key, @Channel, @Delivery, @Error, @Failed)
            """, ["@Key", "@Channel", "@Delivery", "@Error", "@Failed"], delivery.Key, delivery.Channel, delivery.Delivery, error, failed.UtcTicks);

    public void Commit(LoopCounters counters)
    {
        foreach (var (name, value) in counters.Named)
        {
            Run("INSERT OR REPLACE INTO counters (name, value) VALUES (@Name, @Value)", ["@Name", "@Value"], name, value);
        }
        _transaction.Commit();
        _done = true;
    }

    private void Run(string sql, string[] names, params ReadOnlySpan<object?> values)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            _statements[sql] = statement = new PreparedRows(_connection, _transaction, sql, names);
        }
        statement.Run(values);
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }
        if (!_done)
        {
            _transaction.Rollback();
        }
        _transaction.Dispose();
        _writeLock.Exit();
    }
}
