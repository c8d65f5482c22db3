using System.Threading.Channels;
using TriggerLang.Engine.Records;
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

    private readonly IRuntimeStore _store;
    private readonly TimeProvider _clock;
    private readonly Action<List<InboxInput>> _accepted;
    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _writer;

    /// <param name="accepted">
    /// Called after each commit with the records it stored, in inbox order (the decision loop takes them from memory
    /// instead of reading them back; the inbox table stays the durable copy).
    /// </param>
    public Inbox(IRuntimeStore store, TimeProvider clock, Action<List<InboxInput>> accepted)
    {
        _store = store;
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
        var batch = new List<Request>(RequestsPerCommit);
        while (await _requests.Reader.WaitToReadAsync())
        {
            while (batch.Count < RequestsPerCommit && _requests.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }
            try
            {
                var stored = new List<InboxInput>();
                var results = _store.Accept([.. batch.Select(r => r.Records)], _clock.GetUtcNow(), stored);
                // The loop first: it can start deciding while the replies go out.
                _accepted(stored);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.SetResult(results[i]);
                }
            }
            catch (Exception e)
            {
                // Nothing was committed: every request of the batch gets the error (a 503 for the producer to retry).
                foreach (var request in batch)
                {
                    request.Done.SetException(e);
                }
            }
            batch.Clear();
        }
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

/// <summary>
/// One validated input record: its JSON text as stored, its id when it is an event, and the record as
/// <paramref name="ParsedBy"/> parsed that text (the decision loop uses it when it still decides with that parser).
/// </summary>
internal readonly record struct IncomingRecord(string Json, string? EventId, InputRecord? Parsed = null, RecordParser? ParsedBy = null);

/// <summary>A record in the inbox: its place (<c>seq</c>), its text, and the record parsed from it when known.</summary>
internal readonly record struct InboxInput(long Seq, string Text, InputRecord? Parsed, RecordParser? ParsedBy);

/// <summary>What a request stored: records new, and events recognised as sent before.</summary>
internal readonly record struct Accepted(int Stored, int Duplicates);
