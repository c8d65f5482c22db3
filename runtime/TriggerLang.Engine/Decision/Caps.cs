using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// Frequency caps (§3, §11): the rule's own <c>cap N/P</c>, then the global
/// <c>limits</c> (all channels, or one). Rolling periods count <c>sent</c>
/// outcomes with time in (s − P, s]. Transactional sends count toward and are
/// checked against their rule's cap only.
/// </summary>
internal static class Caps
{
    public static CapReached? Exceeded(PendingSend send, BoundRule rule, string channel, DateTimeOffset time, IReadOnlyList<GlobalLimit> limits, IEngineState state)
    {
        var sends = state.Sends(send.Recipient);
        if (rule.Cap is { } cap && Reaches(sends, cap.Count, time, cap.Period, rule: send.Rule, channel: null, withTransactional: true))
        {
            return new CapReached(cap, null);
        }
        if (rule.IsTransactional)
        {
            return null;
        }
        for (var i = 0; i < limits.Count; i++)
        {
            var limit = limits[i];
            if (limit.Channel is { } only && only != channel)
            {
                continue;
            }
            if (Reaches(sends, limit.Count, time, limit.Period, rule: null, limit.Channel, withTransactional: false))
            {
                return new CapReached(null, limit);
            }
        }
        return null;
    }

    /// <summary>
    /// Whether there are <paramref name="count"/> sends in (time − period, time] of one rule (or any), through one
    /// channel (or any). It stops at the <paramref name="count"/>th: a recipient at their cap has many sends in the
    /// period, and counting them all walked a week of sends per check. No delegate: this runs per send.
    /// </summary>
    private static bool Reaches(ReadOnlySpan<SentMessage> sends, int count, DateTimeOffset time, TimeSpan period, int? rule, string? channel,
        bool withTransactional)
    {
        if (count <= 0)
        {
            return true; // a cap of 0 is reached with no sends at all
        }
        var found = 0;
        var to = time.UtcTicks;
        var from = to - period.Ticks;
        // Newest last: walk back until the period is left behind.
        for (var i = sends.Length - 1; i >= 0; i--)
        {
            ref readonly var sent = ref sends[i];
            if (sent.UtcTicks <= from)
            {
                break;
            }
            if (sent.UtcTicks <= to && (rule is null || sent.Rule == rule) && (channel is null || sent.Channel == channel)
                && (withTransactional || !sent.IsTransactional) && ++found == count)
            {
                return true;
            }
        }
        return false;
    }
}
