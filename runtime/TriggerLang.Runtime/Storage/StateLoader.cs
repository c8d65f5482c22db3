using System.Buffers;
using System.Threading.Channels;
using TriggerLang.Engine;
using TriggerLang.Engine.Decision;

namespace TriggerLang.Runtime.Storage;

/// <summary>
/// Reads the engine's state back from the store into memory, at start and after a reload of the rules. Rules are
/// matched by name: what belonged to a rule that no longer exists is dropped, and its pending sends are returned as
/// <see cref="LoadedState.Orphans"/> for the caller to record as suppressed.
/// </summary>
internal static class StateLoader
{
    // Batches read but not yet added: enough to keep every core busy parsing while this thread reads and the adder adds.
    private static readonly int InFlight = 2 * Environment.ProcessorCount;

    public static LoadedState Load(IRuntimeStore store, RuleProject project, StoredRecords records, PendingJson pendingJson,
        CancellationToken cancel = default)
    {
        var memory = new MemoryState(project.Evaluators.NewUser, project.Rules);
        foreach (var (id, record) in store.Profiles())
        {
            memory.Profile(id).Apply(records.ReadProfile(record, $"profile {id}"));
        }
        foreach (var (followee, follower) in store.Follows())
        {
            memory.AddFollow(follower, followee);
        }
        foreach (var record in store.History())
        {
            memory.Remember(records.ReadEvent(record, "remembered event"));
        }
        foreach (var (rule, user, time) in store.LastSends())
        {
            if (pendingJson.RuleIndex(rule) is { } index)
            {
                memory.RestoreLastSend(index, user, time);
            }
        }
        foreach (var send in store.Sends())
        {
            if (pendingJson.RuleIndex(send.Rule) is { } index)
            {
                var trigger = records.ReadEvent(send.TriggerRecord, $"send of {send.Rule} to {send.User}");
                var sent = SentMessage.Of(project.Rules, index, send.Channel, send.Time, send.Transactional, trigger) with
                {
                    Converted = send.Converted,
                };
                memory.RecordSend(send.User, sent, trigger);
            }
        }
        var orphans = new List<(StoredPending, string)>();
        // The pending sends are the bulk of the state (a million rows: seconds of JSON and schema checks). Three kinds
        // of work overlap: this thread reads rows into batches; each batch is parsed on the thread pool (parsing is
        // pure); one adder takes the parsed batches in the order read (that order decides the order of the per-user
        // sets) and adds them to the memory state, which is not thread-safe and which only the adder touches until the
        // load ends. The bounded queue keeps at most InFlight batches between reading and adding.
        var parsed = Channel.CreateBounded<Task<PendingBatch.Parsed[]>>(new BoundedChannelOptions(InFlight) { SingleReader = true, SingleWriter = true });
        var adding = Task.Run(async () =>
        {
            try
            {
                await foreach (var batchParsed in parsed.Reader.ReadAllAsync(cancel))
                {
                    foreach (var (row, send, orphan) in await batchParsed)
                    {
                        if (send is not null)
                        {
                            memory.AddPending(send);
                        }
                        else
                        {
                            orphans.Add((row, orphan!));
                        }
                    }
                }
            }
            catch (Exception e)
            {
                // Stops the reader too: its next write fails instead of waiting for room that never comes.
                parsed.Writer.TryComplete(e);
                throw;
            }
        }, cancel);
        var batch = new PendingBatch();
        void Dispatch()
        {
            var full = batch;
            batch = new PendingBatch();
            var parsing = Task.Run(() => full.Parse(pendingJson), cancel);
            if (!parsed.Writer.TryWrite(parsing))
            {
                // The adder is behind: wait for room (or for the adder to fail, whose error ends the load below).
                parsed.Writer.WriteAsync(parsing, cancel).AsTask().GetAwaiter().GetResult();
            }
        }
        try
        {
            store.ReadPending((row, payload) =>
            {
                if (batch.Add(row, payload) >= PendingBatch.Rows)
                {
                    Dispatch();
                }
            });
            if (batch.Count > 0)
            {
                Dispatch();
            }
        }
        catch (ChannelClosedException)
        {
            // The adder failed and closed the queue: its own error is thrown below.
        }
        finally
        {
            parsed.Writer.TryComplete();
        }
        adding.GetAwaiter().GetResult();
        return new LoadedState(memory, store.Counters(), orphans);
    }
}

/// <summary>Pending rows read from the store, their payloads copied (the store's buffer is reused), to be parsed together.</summary>
internal sealed class PendingBatch
{
    public const int Rows = 2048;

    private readonly List<(StoredPending Row, int Start, int Length)> _rows = new(Rows);
    // Rented, and returned once parsed: the payloads of a batch fill about a megabyte, and an array that large is
    // allocated on the large object heap, whose growth starts full collections — ten per restart when each batch
    // had arrays of its own.
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(Rows * 512);
    private int _used;

    public int Count => _rows.Count;

    public int Add(StoredPending row, ReadOnlySpan<byte> payload)
    {
        if (_used + payload.Length > _bytes.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_used + payload.Length, _bytes.Length * 2));
            _bytes.AsSpan(0, _used).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = larger;
        }
        payload.CopyTo(_bytes.AsSpan(_used));
        _rows.Add((row, _used, payload.Length));
        _used += payload.Length;
        return _rows.Count;
    }

    /// <summary>Each row's send, or (its rule is gone) its payload's text for the orphan's outcome. Any thread; once.</summary>
    public Parsed[] Parse(PendingJson pendingJson)
    {
        var parsed = new Parsed[_rows.Count];
        var scope = new PendingReadScope();
        for (var i = 0; i < parsed.Length; i++)
        {
            var (row, start, length) = _rows[i];
            var payload = _bytes.AsMemory(start, length);
            parsed[i] = pendingJson.Read(row, payload, scope) is { } send
                ? new Parsed(row, send, null)
                : new Parsed(row, null, System.Text.Encoding.UTF8.GetString(payload.Span));
        }
        // Parsed once: nothing refers to the payloads' bytes any more (the sends hold strings and copies).
        ArrayPool<byte>.Shared.Return(_bytes);
        return parsed;
    }

    public readonly record struct Parsed(StoredPending Row, PendingSend? Send, string? Orphan);
}

/// <summary>The state in memory, the loop's counters, and the pending sends whose rule is gone (with their payloads).</summary>
internal sealed record LoadedState(MemoryState Memory, LoopCounters Counters, IReadOnlyList<(StoredPending Row, string Payload)> Orphans);
