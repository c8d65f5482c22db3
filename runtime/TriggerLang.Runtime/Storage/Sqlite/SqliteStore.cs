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
    private readonly CancellationTokenSource _stop = new();
    private Task? _checkpoints;

    public Database Database => database;

    private SqliteConnection Loop => _loop ??= Writer();

    /// <summary>
    /// A connection of one of the two writers. They leave the checkpoints (copying the log into the database file, and
    /// syncing it) to a background thread: SQLite runs one in the commit that crosses the log's threshold, with the
    /// write lock held, and a single-event request waited tens of milliseconds behind it.
    /// </summary>
    private SqliteConnection Writer()
    {
        var connection = database.Open();
        connection.Execute("PRAGMA wal_autocheckpoint = 0");
        lock (_stop)
        {
            _checkpoints ??= Task.Run(CheckpointAsync);
        }
        return connection;
    }

    private async Task CheckpointAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        SqliteConnection? connection = null;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    connection ??= database.Open();
                    // PASSIVE: copies what no reader still needs, never waits for the writers nor blocks them.
                    connection.Execute("PRAGMA wal_checkpoint(PASSIVE)");
                }
                catch (SqliteException)
                {
                    // Busy or failed: the next tick tries again; the log only grows meanwhile.
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            connection?.Dispose();
        }
    }

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

    public Accepted[] Accept(IReadOnlyList<IReadOnlyList<IncomingRecord>> requests, DateTimeOffset received, List<InboxInput> stored)
    {
        stored.Clear();
        try
        {
            _inbox ??= Writer();
            lock (database.WriteLock)
            {
                return Accept(_inbox, requests, received.UtcTicks, stored);
            }
        }
        catch
        {
            stored.Clear();
            // Opened afresh for the next batch, in case the connection was the problem.
            _inbox?.Dispose();
            _inbox = null;
            throw;
        }
    }

    private static Accepted[] Accept(SqliteConnection connection, IReadOnlyList<IReadOnlyList<IncomingRecord>> requests, long received,
        List<InboxInput> stored)
    {
        var results = new Accepted[requests.Count];
        using var transaction = connection.BeginTransaction();
        using var seen = new PreparedRows(connection, transaction, "INSERT OR IGNORE INTO event_ids (id, received) VALUES (@Id, @Received)", "@Id", "@Received");
        using var insert = new PreparedRows(connection, transaction, "INSERT INTO inbox (record, received) VALUES (@Record, @Received)", "@Record", "@Received");
        for (var i = 0; i < requests.Count; i++)
        {
            var count = 0;
            var duplicates = 0;
            foreach (var incoming in requests[i])
            {
                if (incoming.EventId is { } id && seen.Run(id, received) == 0)
                {
                    duplicates++;
                    continue;
                }
                insert.Run(incoming.Json, received);
                // The row's seq (INTEGER PRIMARY KEY: its rowid), without a result set per row as RETURNING would make.
                var seq = SQLitePCL.raw.sqlite3_last_insert_rowid(connection.Handle);
                stored.Add(new InboxInput(seq, incoming.Json, incoming.Parsed, incoming.ParsedBy));
                count++;
            }
            results[i] = new Accepted(count, duplicates);
        }
        transaction.Commit();
        return results;
    }

    public IReadOnlyList<InboxRecord> ReadInbox(long after, int limit)
    {
        var records = new List<InboxRecord>();
        using var command = Loop.CreateCommand();
        command.CommandText = "SELECT seq, record FROM inbox WHERE seq > @After ORDER BY seq LIMIT @Limit";
        command.Parameters.AddWithValue("@After", after);
        command.Parameters.AddWithValue("@Limit", limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            records.Add(new InboxRecord(reader.GetInt64(0), reader.GetString(1)));
        }
        return records;
    }

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
    /// Streamed, the payload handed over as its UTF-8 bytes (<see cref="PendingRows"/>): at a million pending sends,
    /// materializing every payload as a .NET string first (Dapper's buffered list) doubled the memory and most of the
    /// time of a restart.
    /// </summary>
    public void ReadPending(Action<StoredPending, ReadOnlySpan<byte>> read) => PendingRows.Read(Loop, read);

    public LoopCounters Counters()
    {
        return LoopCounters.From(Loop.Query<(string, long)>("SELECT name, value FROM counters").ToDictionary(c => c.Item1, c => c.Item2));
    }

    public IEnumerable<StoredDelivery> Unanswered() =>
        Loop.Query<StoredDelivery>(
            "SELECT idempotency_key AS Key, decision, channel, delivery, outcome FROM deliveries ORDER BY decision");

    // The loop's connection commits with synchronous=NORMAL unless the pass is durable (docs/runtime.md, Crashes):
    // in WAL mode a NORMAL commit is written to the log (a crash of the process keeps it) but not synced; the next
    // FULL commit on the file — the inbox's, or a durable pass — syncs the log, and with it every pass before.
    private bool? _loopSyncFull;

    public IPass BeginPass(bool durable)
    {
        if (_loopSyncFull != durable)
        {
            Loop.Execute(durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            _loopSyncFull = durable;
        }
        return new SqlitePass(Loop, database.WriteLock);
    }

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
        _stop.Cancel();
        try
        {
            _checkpoints?.Wait();
        }
        catch (AggregateException)
        {
        }
        _inbox?.Dispose();
        _loop?.Dispose();
    }

    internal static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
