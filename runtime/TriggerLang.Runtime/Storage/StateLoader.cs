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
    // Batches being parsed at once: enough to keep every core busy while this thread reads and adds.
    private static readonly int InFlight = 2 * Environment.ProcessorCount;

    public static LoadedState Load(IRuntimeStore store, RuleProject project, StoredRecords records, PendingJson pendingJson,
        CancellationToken cancel = default)
    {
        var memory = new MemoryState(project.Evaluators.NewUser);
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
                memory.RecordSend(new SentMessage(index, send.User, send.Channel, send.Time, send.Transactional, trigger.Id,
                    project.Rules.SendKeepsTrigger(index) ? trigger : null) { Converted = send.Converted }, trigger);
            }
        }
        var orphans = new List<(StoredPending, string)>();
        // The pending sends are the bulk of the state (a million rows: seconds of JSON and schema checks). Parsing is
        // pure, so batches of rows are parsed on the thread pool while this thread reads on; the memory state is not
        // thread-safe, so this thread adds the sends to it, batch after batch in the order read (that order decides
        // the order of the per-user sets, as before).
        var parsing = new Queue<Task<PendingBatch.Parsed[]>>();
        var batch = new PendingBatch();
        void AddOldest()
        {
            foreach (var (row, send, orphan) in parsing.Dequeue().GetAwaiter().GetResult())
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
        void Dispatch()
        {
            var full = batch;
            batch = new PendingBatch();
            parsing.Enqueue(Task.Run(() => full.Parse(pendingJson)));
            cancel.ThrowIfCancellationRequested();
            if (parsing.Count > InFlight)
            {
                AddOldest();
            }
        }
        store.ReadPending((row, payload) =>
        {
            if (batch.Add(row, payload.Span) >= PendingBatch.Rows)
            {
                Dispatch();
            }
        });
        if (batch.Count > 0)
        {
            Dispatch();
        }
        while (parsing.Count > 0)
        {
            AddOldest();
        }
        return new LoadedState(memory, store.Counters(), orphans);
    }
}

/// <summary>Pending rows read from the store, their payloads copied (the store's buffer is reused), to be parsed together.</summary>
internal sealed class PendingBatch
{
    public const int Rows = 2048;

    private readonly List<(StoredPending Row, int Start, int Length)> _rows = new(Rows);
    private byte[] _bytes = new byte[Rows * 256];
    private int _used;

    public int Count => _rows.Count;

    public int Add(StoredPending row, ReadOnlySpan<byte> payload)
    {
        if (_used + payload.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_used + payload.Length, _bytes.Length * 2));
        }
        payload.CopyTo(_bytes.AsSpan(_used));
        _rows.Add((row, _used, payload.Length));
        _used += payload.Length;
        return _rows.Count;
    }

    /// <summary>Each row's send, or (its rule is gone) its payload's text for the orphan's outcome. Any thread.</summary>
    public Parsed[] Parse(PendingJson pendingJson)
    {
        var parsed = new Parsed[_rows.Count];
        for (var i = 0; i < parsed.Length; i++)
        {
            var (row, start, length) = _rows[i];
            var payload = _bytes.AsMemory(start, length);
            parsed[i] = pendingJson.Read(row, payload) is { } send
                ? new Parsed(row, send, null)
                : new Parsed(row, null, System.Text.Encoding.UTF8.GetString(payload.Span));
        }
        return parsed;
    }

    public readonly record struct Parsed(StoredPending Row, PendingSend? Send, string? Orphan);
}

/// <summary>The state in memory, the loop's counters, and the pending sends whose rule is gone (with their payloads).</summary>
internal sealed record LoadedState(MemoryState Memory, LoopCounters Counters, IReadOnlyList<(StoredPending Row, string Payload)> Orphans);
