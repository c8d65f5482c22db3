namespace TriggerLang.Runtime.Storage;

/// <summary>
/// Where the decision loop stands, committed with every pass: the last inbox record processed, the last trigger
/// order given out (inputs and message_sent events, §11), the last pending send id and the last decision number
/// (the tie-break of the §8 outcome order).
/// </summary>
internal sealed record LoopCounters(long Processed, long Order, long PendingId, long Decision)
{
    /// <summary>The counters by the names a store keeps them under.</summary>
    public IEnumerable<(string Name, long Value)> Named =>
        [(ProcessedName, Processed), (OrderName, Order), (PendingIdName, PendingId), (DecisionName, Decision)];

    public const string ProcessedName = "processed";
    public const string OrderName = "order";
    public const string PendingIdName = "pending_id";
    public const string DecisionName = "decision";

    /// <summary>The counters from their names (a missing one is 0: a new store).</summary>
    public static LoopCounters From(IReadOnlyDictionary<string, long> named) => new(
        named.GetValueOrDefault(ProcessedName),
        named.GetValueOrDefault(OrderName),
        named.GetValueOrDefault(PendingIdName),
        named.GetValueOrDefault(DecisionName));
}
