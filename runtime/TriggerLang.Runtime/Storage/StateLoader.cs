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
                memory.RecordSend(new SentMessage(index, send.User, send.Channel, send.Time, send.Transactional, trigger) { Converted = send.Converted });
            }
        }
        var orphans = new List<(StoredPending, string)>();
        var read = 0;
        store.ReadPending((row, payload) =>
        {
            if (++read % 4096 == 0)
            {
                cancel.ThrowIfCancellationRequested();
            }
            if (pendingJson.Read(row, payload) is { } send)
            {
                memory.AddPending(send);
            }
            else
            {
                orphans.Add((row, System.Text.Encoding.UTF8.GetString(payload.Span)));
            }
        });
        return new LoadedState(memory, store.Counters(), orphans);
    }
}

/// <summary>The state in memory, the loop's counters, and the pending sends whose rule is gone (with their payloads).</summary>
internal sealed record LoadedState(MemoryState Memory, LoopCounters Counters, IReadOnlyList<(StoredPending Row, string Payload)> Orphans);
