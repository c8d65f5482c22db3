using Dapper;
using Microsoft.Data.Sqlite;

namespace TriggerLang.Runtime.Storage.Sqlite;

/// <summary>
/// The database schema, as numbered steps applied in order; <c>PRAGMA user_version</c> says how many have run.
/// A step is never edited once released: a change is a new step. A database newer than this runtime is refused.
/// Times are stored as UTC ticks (integers sort and compare exactly); records as the JSON of LANGUAGE.md §8.
/// </summary>
internal static class Migrations
{
    private static readonly string[] Steps =
    [
        """
        -- Accepted input, durable before the HTTP reply; the decision loop consumes it in seq order.
        CREATE TABLE inbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, record TEXT NOT NULL, received INTEGER NOT NULL);
        -- Event ids seen, so that a producer's retry is acknowledged and not processed again.
        CREATE TABLE event_ids (id TEXT PRIMARY KEY, received INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX event_ids_received ON event_ids (received);
        -- The engine's state (IEngineState), written by the decision loop after each pass.
        CREATE TABLE profiles (id TEXT PRIMARY KEY, record TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE follows (followee TEXT NOT NULL, follower TEXT NOT NULL, PRIMARY KEY (followee, follower)) WITHOUT ROWID;
        CREATE TABLE history (id INTEGER PRIMARY KEY, time INTEGER NOT NULL, record TEXT NOT NULL);
        CREATE INDEX history_time ON history (time);
        CREATE TABLE sends (id INTEGER PRIMARY KEY, rule TEXT NOT NULL, user_id TEXT NOT NULL, channel TEXT NOT NULL,
            time INTEGER NOT NULL, transactional INTEGER NOT NULL, converted INTEGER NOT NULL, trigger_id TEXT NOT NULL,
            trigger_record TEXT NOT NULL);
        CREATE INDEX sends_time ON sends (time);
        CREATE TABLE last_sends (rule TEXT NOT NULL, user_id TEXT NOT NULL, time INTEGER NOT NULL, PRIMARY KEY (rule, user_id)) WITHOUT ROWID;
        CREATE TABLE pending (id INTEGER PRIMARY KEY, due INTEGER NOT NULL, rule TEXT NOT NULL, recipient TEXT NOT NULL, payload TEXT NOT NULL);
        CREATE INDEX pending_due ON pending (due, id);
        CREATE INDEX pending_recipient ON pending (recipient);
        -- Messages decided and not yet delivered; the outcome waits here until the channel answers.
        CREATE TABLE deliveries (idempotency_key TEXT PRIMARY KEY, decision INTEGER NOT NULL, channel TEXT NOT NULL,
            delivery TEXT NOT NULL, outcome TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE dead_letters (idempotency_key TEXT PRIMARY KEY, channel TEXT NOT NULL, delivery TEXT NOT NULL,
            error TEXT NOT NULL, failed INTEGER NOT NULL) WITHOUT ROWID;
        -- Every decision (LANGUAGE.md §8), in decision order.
        CREATE TABLE outcomes (decision INTEGER PRIMARY KEY, time INTEGER NOT NULL, rule TEXT NOT NULL, user_id TEXT NOT NULL,
            line TEXT NOT NULL, explanation TEXT);
        CREATE INDEX outcomes_time ON outcomes (time);
        CREATE INDEX outcomes_user ON outcomes (user_id, decision);
        -- The decision loop's counters: the last inbox seq processed, the last trigger order, pending id and decision.
        CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        """,
    ];

    public static int Latest => Steps.Length;

    public static void Apply(SqliteConnection connection)
    {
        var version = connection.ExecuteScalar<int>("PRAGMA user_version");
        if (version > Steps.Length)
        {
            throw new RuntimeStartException(
                $"the database was written by a newer trig (schema version {version}, this one knows {Steps.Length}): upgrade trig, or use another --db");
        }
        for (var step = version; step < Steps.Length; step++)
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(Steps[step], transaction: transaction);
            // PRAGMA takes no parameters; the number is ours.
            connection.Execute($"PRAGMA user_version = {step + 1}", transaction: transaction);
            transaction.Commit();
        }
    }
}
