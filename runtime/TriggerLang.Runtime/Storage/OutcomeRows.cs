using System.Text;
using System.Text.Json;
using TriggerLang.Engine.Decision;
using TriggerLang.Engine.Records;

namespace TriggerLang.Runtime.Storage;

/// <summary>
/// Outcomes as the store keeps them — each decision's §8 JSON line (what the export streams, byte for byte what
/// <c>trig simulate</c> writes), its sort keys, and its explanation beside it for the "why" trace — and the export.
/// </summary>
internal static class OutcomeRows
{
    public static void Write(IPass pass, long decision, Outcome outcome) =>
        pass.Outcome(new StoredOutcome(decision, outcome.Time, outcome.Rule, outcome.User, Line(outcome)),
            outcome.Explanation.IsDefaultOrEmpty ? null : JsonSerializer.Serialize(outcome.Explanation));

    /// <summary>The §8 line without its final newline.</summary>
    public static string Line(Outcome outcome)
    {
        var text = new StringWriter();
        OutcomeJson.Write(text, outcome, explain: false);
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// Writes every outcome in the §8 order — time, then rule and user (ordinal), then decision order — as JSON Lines.
    /// The store gives them by time and decision; each instant's outcomes are sorted by rule and user here, because
    /// databases compare text in their own ways (SQLite as UTF-8 bytes) and §8 as UTF-16 code units.
    /// </summary>
    public static async Task ExportAsync(IRuntimeStore store, Stream output, CancellationToken cancellationToken)
    {
        var instant = new List<StoredOutcome>();
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
        await foreach (var row in store.OutcomesByTime(cancellationToken))
        {
            if (instant.Count > 0 && row.Time != instant[0].Time)
            {
                await FlushInstant();
            }
            instant.Add(row);
        }
        await FlushInstant();
    }
}
