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
    public static string? Exceeded(PendingSend send, BoundRule rule, string channel, DateTimeOffset time, IReadOnlyList<GlobalLimit> limits, IEngineState state)
    {
        var sends = state.Sends(send.Recipient);
        if (rule.Cap is { } cap && Count(sends, time, cap.Period, rule: send.Rule, channel: null, withTransactional: true) >= cap.Count)
        {
            return $"cap {cap.Count}/{ClauseText.Duration(cap.Period)}: {send.Recipient} already got {cap.Count} in the last {ClauseText.Duration(cap.Period)}";
        }
        if (rule.IsTransactional)
        {
            return null;
        }
        foreach (var limit in limits)
        {
            if (limit.Channel is { } only && only != channel)
            {
                continue;
            }
            if (Count(sends, time, limit.Period, rule: null, limit.Channel, withTransactional: false) >= limit.Count)
            {
                var scope = limit.Channel is null ? "all channels" : limit.Channel;
                return $"limits: cap {limit.Count}/{ClauseText.Duration(limit.Period)} on {scope} reached for {send.Recipient}";
            }
        }
        return null;
    }

    /// <summary>The sends in (time − period, time] of one rule (or any), through one channel (or any). No delegate: this runs per send.</summary>
    private static int Count(IReadOnlyList<SentMessage> sends, DateTimeOffset time, TimeSpan period, int? rule, string? channel, bool withTransactional)
    {
        var count = 0;
        // Newest last: walk back until the period is left behind.
        for (var i = sends.Count - 1; i >= 0 && sends[i].Time > time - period; i--)
        {
            var sent = sends[i];
            if (sent.Time <= time && (rule is null || sent.Rule == rule) && (channel is null || sent.Channel == channel)
                && (withTransactional || !sent.IsTransactional))
            {
                count++;
            }
        }
        return count;
    }
}
