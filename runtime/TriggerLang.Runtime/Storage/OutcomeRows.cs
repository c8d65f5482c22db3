using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using TriggerLang.Engine.Decision;
using TriggerLang.Engine.Records;

namespace TriggerLang.Runtime.Storage;

/// <summary>
/// The <c>outcomes</c> table: every decision as its §8 JSON line (what the export streams, byte for byte what
/// <c>trig simulate</c> writes), with its explanation kept beside it for the "why" trace.
/// </summary>
internal static class OutcomeRows
{
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<(long Decision, Outcome Outcome)> outcomes)
    {
        using var rows = new PreparedRows(connection, transaction,
            "INSERT INTO outcomes (decision, time, rule, user_id, line, explanation) VALUES (@Decision, @Time, @Rule, @User, @Line, @Explanation)",
            "@Decision", "@Time", "@Rule", "@User", "@Line", "@Explanation");
        foreach (var (decision, outcome) in outcomes)
        {
            rows.Run(decision, outcome.Time.UtcTicks, outcome.Rule, outcome.User, Line(outcome),
                outcome.Explanation.IsDefaultOrEmpty ? null : JsonSerializer.Serialize(outcome.Explanation));
        }
    }

    /// <summary>The §8 line without its final newline.</summary>
    public static string Line(Outcome outcome)
    {
        var text = new StringWriter();
        OutcomeJson.Write(text, outcome, explain: false);
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// Writes every outcome in the §8 order — time, then rule and user (ordinal), then decision order — as JSON Lines.
    /// SQLite sorts by time and decision; each instant's outcomes are then sorted by rule and user here, because
    /// SQLite compares text as UTF-8 bytes and §8 as UTF-16 code units (they differ above U+FFFF).
    /// </summary>
    public static async Task ExportAsync(SqliteConnection connection, Stream output, CancellationToken cancellationToken)
    {
        var instant = new List<(string Rule, string User, long Decision, string Line)>();
        long time = long.MinValue;
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        async Task FlushInstant()
        {
            instant.Sort(static (a, b) =>
            {
                var byRule = string.CompareOrdinal(a.Rule, b.Rule);
                if (byRule != 0)
                {
                    return byRule;
                }
                var byUser = string.CompareOrdinal(a.User, b.User);
                return byUser != 0 ? byUser : a.Decision.CompareTo(b.Decision);
            });
            foreach (var row in instant)
            {
                await writer.WriteAsync(row.Line);
                await writer.WriteAsync('\n');
            }
            instant.Clear();
        }
        var rows = connection.QueryUnbufferedAsync<(long Time, string Rule, string User, long Decision, string Line)>(
            "SELECT time, rule, user_id, decision, line FROM outcomes ORDER BY time, decision");
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (row.Time != time)
            {
                await FlushInstant();
                time = row.Time;
            }
            instant.Add((row.Rule, row.User, row.Decision, row.Line));
        }
        await FlushInstant();
    }
}
