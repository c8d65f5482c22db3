namespace TriggerLang.Engine.Decision;

/// <summary>
/// A pending send's place in due order (§11): due time, then trigger (input order), then rule, then recipient, then
/// creation (<see cref="PendingSend.Id"/>). The first three are held by value, so that a queue of keys compares
/// without reading the sends (spread over the heap) except on a tie of all three (a fan-out's sends); the key stays
/// small (32 bytes) so that a heap level's children share few cache lines.
/// </summary>
internal readonly struct DueKey(PendingSend send) : IComparable<DueKey>
{
    private readonly long _dueTicks = send.Due.UtcTicks;
    private readonly long _triggerOrder = send.TriggerOrder;
    private readonly int _rule = send.Rule;

    public PendingSend Send { get; } = send;

    public int CompareTo(DueKey other)
    {
        var byTime = _dueTicks.CompareTo(other._dueTicks);
        if (byTime != 0)
        {
            return byTime;
        }
        var byTrigger = _triggerOrder.CompareTo(other._triggerOrder);
        if (byTrigger != 0)
        {
            return byTrigger;
        }
        var byRule = _rule.CompareTo(other._rule);
        if (byRule != 0)
        {
            return byRule;
        }
        var byRecipient = string.CompareOrdinal(Send.Recipient, other.Send.Recipient);
        return byRecipient != 0 ? byRecipient : Send.Id.CompareTo(other.Send.Id);
    }
}
