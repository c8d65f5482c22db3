using Dapper;
using Microsoft.Data.Sqlite;
using TriggerLang.Engine;
using TriggerLang.Engine.Decision;
using TriggerLang.Evaluation;

namespace TriggerLang.Runtime.Storage;

/// <summary>
/// Reads the engine's state back from the database into memory, at start and after a reload of the rules. Rules are
/// matched by name: what belonged to a rule that no longer exists is dropped, and its pending sends are returned as
/// <see cref="LoadedState.Orphans"/> for the caller to record as suppressed.
/// </summary>
internal static class StateLoader
{
    public static LoadedState Load(SqliteConnection connection, RuleProject project, StoredRecords records, PendingJson pendingJson)
    {
        var memory = new MemoryState(project.Evaluators.NewUser);
        foreach (var (id, record) in connection.Query<(string, string)>("SELECT id, record FROM profiles"))
        {
            memory.Profile(id).Apply(records.ReadProfile(record, $"profile {id}"));
        }
        foreach (var (followee, follower) in connection.Query<(string, string)>("SELECT followee, follower FROM follows"))
        {
            memory.AddFollow(follower, followee);
        }
        foreach (var (id, record) in connection.Query<(long, string)>("SELECT id, record FROM history ORDER BY id"))
        {
            memory.Remember(records.ReadEvent(record, $"history {id}"));
        }
        foreach (var (rule, user, time) in connection.Query<(string, string, long)>("SELECT rule, user_id, time FROM last_sends"))
        {
            if (pendingJson.RuleIndex(rule) is { } index)
            {
                memory.RestoreLastSend(index, user, new DateTimeOffset(time, TimeSpan.Zero));
            }
        }
        foreach (var row in connection.Query<SendRow>(
            "SELECT id, rule, user_id AS UserId, channel, time, transactional, converted, trigger_record AS TriggerRecord FROM sends ORDER BY id"))
        {
            if (pendingJson.RuleIndex(row.Rule) is { } index)
            {
                var trigger = records.ReadEvent(row.TriggerRecord, $"send {row.Id}");
                memory.RecordSend(new SentMessage(index, row.UserId, row.Channel, new DateTimeOffset(row.Time, TimeSpan.Zero), row.Transactional != 0, trigger)
                {
                    Converted = row.Converted != 0,
                });
            }
        }
        var orphans = new List<PendingRow>();
        // Streamed, the payload read as its UTF-8 bytes: at a million pending sends, materializing every row's payload
        // as a .NET string first (Dapper's buffered list) doubled the memory and most of the time of a restart.
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, due, rule, recipient, payload FROM pending ORDER BY due, id";
            using var reader = command.ExecuteReader();
            var rules = new Dictionary<string, string>(StringComparer.Ordinal);
            var buffer = new byte[4096];
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                var due = reader.GetInt64(1);
                var name = reader.GetString(2);
                // One string per rule name, not one per row.
                var rule = rules.TryGetValue(name, out var known) ? known : rules[name] = name;
                var recipient = reader.GetString(3);
                var length = (int)reader.GetBytes(4, 0, null, 0, 0);
                if (length > buffer.Length)
                {
                    buffer = new byte[Math.Max(length, buffer.Length * 2)];
                }
                reader.GetBytes(4, 0, buffer, 0, length);
                var payload = buffer.AsMemory(0, length);
                if (pendingJson.Read(id, due, rule, recipient, payload) is { } send)
                {
                    memory.AddPending(send);
                }
                else
                {
                    orphans.Add(new PendingRow(id, due, rule, recipient, System.Text.Encoding.UTF8.GetString(payload.Span)));
                }
            }
        }
        var counters = connection.Query<(string, long)>("SELECT name, value FROM counters").ToDictionary(c => c.Item1, c => c.Item2);
        return new LoadedState(memory, new LoopCounters(
            counters.GetValueOrDefault(LoopCounters.ProcessedName),
            counters.GetValueOrDefault(LoopCounters.OrderName),
            counters.GetValueOrDefault(LoopCounters.PendingIdName),
            counters.GetValueOrDefault(LoopCounters.DecisionName)), orphans);
    }

    // SQLite has no booleans: 0 or 1.
    private sealed record SendRow(long Id, string Rule, string UserId, string Channel, long Time, long Transactional, long Converted, string TriggerRecord);
}

/// <summary>A row of the <c>pending</c> table.</summary>
internal sealed record PendingRow(long Id, long Due, string Rule, string Recipient, string Payload);

internal sealed record LoadedState(MemoryState Memory, LoopCounters Counters, IReadOnlyList<PendingRow> Orphans);

/// <summary>
/// Where the decision loop stands, committed with every pass: the last inbox record processed, the last trigger
/// order given out (inputs and message_sent events, §11), the last pending send id and the last decision number
/// (the tie-break of the §8 outcome order).
/// </summary>
internal sealed record LoopCounters(long Processed, long Order, long PendingId, long Decision)
{
    public const string ProcessedName = "processed";
    public const string OrderName = "order";
    public const string PendingIdName = "pending_id";
    public const string DecisionName = "decision";

    public void Save(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute("INSERT OR REPLACE INTO counters (name, value) VALUES (@Name, @Value)",
        new[]
        {
            new { Name = ProcessedName, Value = Processed },
            new { Name = OrderName, Value = Order },
            new { Name = PendingIdName, Value = PendingId },
            new { Name = DecisionName, Value = Decision },
        }, transaction);
}
