using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using TriggerLang.Runtime.Ingest;

namespace TriggerLang.Runtime.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file (<see cref="Database"/>), schema in <see cref="Migrations"/>. The inbox and
/// the decision loop each keep their own connection (each is used by one thread at a time); the reads of the API and
/// the jobs open their own. Times are stored as UTC ticks, which sort and compare exactly.
/// </summary>
internal sealed class SqliteStore(Database database) : IRuntimeStore, IDisposable
{
    private SqliteConnection? _inbox;
    private SqliteConnection? _loop;

    public Database Database => database;

    private SqliteConnection Loop => _loop ??= database.Open();

    public void Migrate()
    {
        try
        {
            database.Migrate();
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new RuntimeStartException($"cannot use the database {database.Path}: {e.Message}; check --db (Runtime:Db) and that its folder is writable");
        }
    }

    public Accepted[] Accept(IReadOnlyList<IReadOnlyList<IncomingRecord>> requests, DateTimeOffset received)
    {
        try
        {
            _inbox ??= database.Open();
            lock (database.WriteLock)
            {
                return Accept(_inbox, requests, received.UtcTicks);
            }
        }
        catch
        {
            // Opened afresh for the next batch, in case the connection was the problem.
            _inbox?.Dispose();
            _inbox = null;
            throw;
        }
    }

    private static Accepted[] Accept(SqliteConnection connection, IReadOnlyList<IReadOnlyList<IncomingRecord>> requests, long received)
    {
        var results = new Accepted[requests.Count];
        using var transaction = connection.BeginTransaction();
        using var seen = new PreparedRows(connection, transaction, "INSERT OR IGNORE INTO event_ids (id, received) VALUES (@Id, @Received)", "@Id", "@Received");
        using var insert = new PreparedRows(connection, transaction, "INSERT INTO inbox (record, received) VALUES (@Record, @Received)", "@Record", "@Received");
        for (var i = 0; i < requests.Count; i++)
        {
            var stored = 0;
            var duplicates = 0;
            foreach (var incoming in requests[i])
            {
                if (incoming.EventId is { } id && seen.Run(id, received) == 0)
                {
                    duplicates++;
                    continue;
                }
                insert.Run(incoming.Json, received);
                stored++;
            }
            results[i] = new Accepted(stored, duplicates);
        }
        transaction.Commit();
        return results;
    }

    public IReadOnlyList<InboxRecord> ReadInbox(long after, int limit) =>
        Loop.Query<(long, string)>("SELECT seq, record FROM inbox WHERE seq > @After ORDER BY seq LIMIT @Limit", new { After = after, Limit = limit })
            .Select(r => new InboxRecord(r.Item1, r.Item2)).ToList();

    public IEnumerable<(string Id, string Record)> Profiles() =>
        Loop.Query<(string, string)>("SELECT id, record FROM profiles", buffered: false);

    public IEnumerable<(string Followee, string Follower)> Follows() =>
        Loop.Query<(string, string)>("SELECT followee, follower FROM follows", buffered: false);

    public IEnumerable<string> History() => Loop.Query<string>("SELECT record FROM history ORDER BY id", buffered: false);

    public IEnumerable<(string Rule, string User, DateTimeOffset Time)> LastSends() =>
        Loop.Query<(string, string, long)>("SELECT rule, user_id, time FROM last_sends", buffered: false)
            .Select(r => (r.Item1, r.Item2, Utc(r.Item3)));

    public IEnumerable<StoredSend> Sends() =>
        Loop.Query<(string, string, string, long, long, long, string, string)>(
            "SELECT rule, user_id, channel, time, transactional, converted, trigger_id, trigger_record FROM sends ORDER BY id", buffered: false)
            // SQLite has no booleans: 0 or 1.
            .Select(r => new StoredSend(r.Item1, r.Item2, r.Item3, Utc(r.Item4), r.Item5 != 0, r.Item6 != 0, r.Item7, r.Item8));

    /// <summary>
    /// Streamed, the payload read as its UTF-8 bytes into one reused buffer: at a million pending sends, materializing
    /// every payload as a .NET string first (Dapper's buffered list) doubled the memory and most of the time of a restart.
    /// </summary>
    public void ReadPending(Action<StoredPending, ReadOnlyMemory<byte>> read)
    {
        using var command = Loop.CreateCommand();
        command.CommandText = "SELECT id, due, rule, recipient, payload FROM pending ORDER BY due, id";
        using var reader = command.ExecuteReader();
        var rules = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var name = reader.GetString(2);
            // One string per rule name, not one per row.
            var rule = rules.TryGetValue(name, out var known) ? known : rules[name] = name;
            // GetFieldValue<byte[]> copies the column's bytes (sqlite3_column_blob); GetBytes would open an incremental
            // blob handle (sqlite3_blob_open, a statement of its own) twice per row.
            var payload = reader.GetFieldValue<byte[]>(4);
            read(new StoredPending(reader.GetInt64(0), Utc(reader.GetInt64(1)), rule, reader.GetString(3)), payload);
        }
    }

    public LoopCounters Counters()
    {
        return LoopCounters.From(Loop.Query<(string, long)>("SELECT name, value FROM counters").ToDictionary(c => c.Item1, c => c.Item2));
    }

    public IEnumerable<StoredDelivery> Unanswered() =>
        Loop.Query<StoredDelivery>(
            "SELECT idempotency_key AS Key, decision, channel, delivery, outcome FROM deliveries ORDER BY decision");

    public IPass BeginPass() => new SqlitePass(Loop, database.WriteLock);

    public async IAsyncEnumerable<StoredOutcome> OutcomesByTime([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = connection.QueryUnbufferedAsync<(long, long, string, string, string)>(
            "SELECT decision, time, rule, user_id, line FROM outcomes ORDER BY time, decision");
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return new StoredOutcome(row.Item1, Utc(row.Item2), row.Item3, row.Item4, row.Item5);
        }
    }

    public async Task<IReadOnlyList<(string Line, string? Explanation)>> OutcomesOf(string user, int limit, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return [.. await connection.QueryAsync<(string, string?)>(new CommandDefinition(
            "SELECT line, explanation FROM outcomes WHERE user_id = @User ORDER BY decision DESC LIMIT @Limit",
            new { User = user, Limit = limit }, cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyList<(string Rule, DateTimeOffset Due, string Payload)>> PendingOf(string user, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<(string, long, string)>(new CommandDefinition(
            "SELECT rule, due, payload FROM pending WHERE recipient = @User ORDER BY due, id", new { User = user }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => (r.Item1, Utc(r.Item2), r.Item3))];
    }

    public async Task<IReadOnlyList<StoredDelivery>> DeliveriesOf(string user, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return [.. await connection.QueryAsync<StoredDelivery>(new CommandDefinition("""
            SELECT idempotency_key AS Key, decision, channel, delivery, outcome FROM deliveries
            WHERE json_extract(delivery, '$.RecipientId') = @User ORDER BY decision
            """, new { User = user }, cancellationToken: cancellationToken))];
    }

    public async Task PruneAsync(DateTimeOffset eventIdsBefore, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await connection.ExecuteAsync(new CommandDefinition($"""
            DELETE FROM event_ids WHERE received < @Before;
            DELETE FROM inbox WHERE seq <= (SELECT value FROM counters WHERE name = '{LoopCounters.ProcessedName}');
            """, new { Before = eventIdsBefore.UtcTicks }, cancellationToken: cancellationToken));
    }

    public void Dispose()
    {
        _inbox?.Dispose();
        _loop?.Dispose();
    }

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
