using System.Threading.Channels;
using Dapper;
using Microsoft.Data.Sqlite;
using TriggerLang.Runtime.Storage;

namespace TriggerLang.Runtime.Ingest;

/// <summary>
/// Accepted input, made durable before the reply. One writer takes the requests waiting and commits them together
/// (group commit: one disk sync for many requests); a request's records go in one transaction, all or nothing.
/// An event whose id was accepted before is acknowledged as a duplicate and not stored again.
/// </summary>
internal sealed class Inbox : IAsyncDisposable
{
    private const int RequestsPerCommit = 256;

    private readonly Database _database;
    private readonly TimeProvider _clock;
    private readonly Action _accepted;
    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _writer;

    /// <param name="accepted">Called after each commit: new input is waiting.</param>
    public Inbox(Database database, TimeProvider clock, Action accepted)
    {
        _database = database;
        _clock = clock;
        _accepted = accepted;
    }

    /// <summary>Starts the writer (once the database schema is in place).</summary>
    public void Start() => _writer = Task.Run(WriteAsync);

    /// <summary>Stores the records (their JSON text, and the event id of each event record) durably.</summary>
    public Task<Accepted> AcceptAsync(IReadOnlyList<IncomingRecord> records)
    {
        var request = new Request(records, new TaskCompletionSource<Accepted>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_requests.Writer.TryWrite(request))
        {
            request.Done.SetException(new ObjectDisposedException(nameof(Inbox), "the runtime is stopping"));
        }
        return request.Done.Task;
    }

    private async Task WriteAsync()
    {
        SqliteConnection? connection = null;
        var batch = new List<Request>(RequestsPerCommit);
        while (await _requests.Reader.WaitToReadAsync())
        {
            while (batch.Count < RequestsPerCommit && _requests.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }
            try
            {
                connection ??= _database.Open();
                Accepted[] results;
                lock (_database.WriteLock)
                {
                    results = Commit(connection, batch);
                }
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.SetResult(results[i]);
                }
                _accepted();
            }
            catch (Exception e)
            {
                // Nothing was committed: every request of the batch gets the error (a 503 for the producer to retry).
                // The connection is opened afresh for the next batch, in case it was the problem.
                foreach (var request in batch)
                {
                    request.Done.SetException(e);
                }
                connection?.Dispose();
                connection = null;
            }
            batch.Clear();
        }
        connection?.Dispose();
    }

    private Accepted[] Commit(SqliteConnection connection, List<Request> batch)
    {
        var now = _clock.GetUtcNow().UtcTicks;
        var results = new Accepted[batch.Count];
        using var transaction = connection.BeginTransaction();
        using var seen = connection.CreateCommand();
        seen.Transaction = transaction;
        seen.CommandText = "INSERT OR IGNORE INTO event_ids (id, received) VALUES ($id, $received)";
        var seenId = seen.Parameters.Add("$id", SqliteType.Text);
        seen.Parameters.AddWithValue("$received", now);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO inbox (record, received) VALUES ($record, $received)";
        var record = insert.Parameters.Add("$record", SqliteType.Text);
        insert.Parameters.AddWithValue("$received", now);
        for (var i = 0; i < batch.Count; i++)
        {
            var stored = 0;
            var duplicates = 0;
            foreach (var incoming in batch[i].Records)
            {
                if (incoming.EventId is { } id)
                {
                    seenId.Value = id;
                    if (seen.ExecuteNonQuery() == 0)
                    {
                        duplicates++;
                        continue;
                    }
                }
                record.Value = incoming.Json;
                insert.ExecuteNonQuery();
                stored++;
            }
            results[i] = new Accepted(stored, duplicates);
        }
        transaction.Commit();
        return results;
    }

    /// <summary>Commits what was accepted so far and stops; requests after this are refused. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        if (_writer is { } writer)
        {
            await writer;
        }
    }

    private sealed record Request(IReadOnlyList<IncomingRecord> Records, TaskCompletionSource<Accepted> Done);
}

/// <summary>One validated input record: its JSON text as stored, and its id when it is an event.</summary>
internal readonly record struct IncomingRecord(string Json, string? EventId);

/// <summary>What a request stored: records new, and events recognised as sent before.</summary>
internal readonly record struct Accepted(int Stored, int Duplicates);
