namespace TriggerLang.Engine.Decision;

/// <summary>
/// A pending send's place in due order (§11): due time, then trigger (input order), then rule, then recipient, then
/// creation (<see cref="PendingSend.Id"/>). Numbers by value, so that a queue holding keys compares without reading
/// the sends; the recipient, the one string, is read only on a tie of the first three.
/// </summary>
internal readonly struct DueKey(PendingSend send) : IComparable<DueKey>
{
    private readonly long _dueTicks = send.Due.UtcTicks;
    private readonly long _triggerOrder = send.TriggerOrder;
    private readonly int _rule = send.Rule;
    private readonly long _id = send.Id;
    private readonly string _recipient = send.Recipient;

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
        var byRecipient = string.CompareOrdinal(_recipient, other._recipient);
        return byRecipient != 0 ? byRecipient : _id.CompareTo(other._id);
    }
}
