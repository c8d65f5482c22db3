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
        if (rule.Cap is { } cap && Count(sends, time, cap.Period, s => s.Rule == send.Rule) >= cap.Count)
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
            if (Count(sends, time, limit.Period, s => !s.IsTransactional && (limit.Channel is null || s.Channel == limit.Channel)) >= limit.Count)
            {
                var scope = limit.Channel is null ? "all channels" : limit.Channel;
                return $"limits: cap {limit.Count}/{ClauseText.Duration(limit.Period)} on {scope} reached for {send.Recipient}";
            }
        }
        return null;
    }

    private static int Count(IReadOnlyList<SentMessage> sends, DateTimeOffset time, TimeSpan period, Func<SentMessage, bool> counts)
    {
        var count = 0;
        // Newest last: walk back until the period is left behind.
        for (var i = sends.Count - 1; i >= 0 && sends[i].Time > time - period; i--)
        {
            if (sends[i].Time <= time && counts(sends[i]))
            {
                count++;
            }
        }
        return count;
    }
}
