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
    // Projects have a handful of limits; more than this are counted in an array on the heap.
    private const int StackLimits = 16;

    public static string? Exceeded(PendingSend send, BoundRule rule, string channel, DateTimeOffset time, IReadOnlyList<GlobalLimit> limits, IEngineState state)
    {
        var checksLimits = !rule.IsTransactional;
        Span<int> limitCounts = limits.Count <= StackLimits ? stackalloc int[limits.Count] : new int[limits.Count];
        var capCount = Count(state.Sends(send.Recipient), send.Rule, rule.Cap, channel, time, checksLimits ? limits : [], limitCounts);
        if (rule.Cap is { } cap && capCount >= cap.Count)
        {
            return $"cap {cap.Count}/{ClauseText.Duration(cap.Period)}: {send.Recipient} already got {cap.Count} in the last {ClauseText.Duration(cap.Period)}";
        }
        if (!checksLimits)
        {
            return null;
        }
        for (var j = 0; j < limits.Count; j++)
        {
            var limit = limits[j];
            if (Applies(limit, channel) && limitCounts[j] >= limit.Count)
            {
                var scope = limit.Channel is null ? "all channels" : limit.Channel;
                return $"limits: cap {limit.Count}/{ClauseText.Duration(limit.Period)} on {scope} reached for {send.Recipient}";
            }
        }
        return null;
    }

    /// <summary>A limit on one channel applies to sends through that channel only.</summary>
    private static bool Applies(GlobalLimit limit, string channel) => limit.Channel is not { } only || only == channel;

    /// <summary>
    /// Counts, in one walk back over the recipient's sends (newest last), the sends of the rule within its cap's
    /// period (returned) and, for each limit that applies, the non-transactional sends through its channel (or any)
    /// within its period (into <paramref name="limitCounts"/>). One walk, not one per cap and limit: a week of
    /// sends was walked three times per decision.
    /// </summary>
    private static int Count(IReadOnlyList<SentMessage> sends, int rule, RateSpec? cap, string channel, DateTimeOffset time,
        IReadOnlyList<GlobalLimit> limits, Span<int> limitCounts)
    {
        var horizon = cap?.Period ?? TimeSpan.Zero;
        for (var j = 0; j < limits.Count; j++)
        {
            if (Applies(limits[j], channel) && limits[j].Period > horizon)
            {
                horizon = limits[j].Period;
            }
        }
        var capCount = 0;
        // Sends are in time order: once one is past the longest period, every one further back is too.
        for (var i = sends.Count - 1; i >= 0; i--)
        {
            var sent = sends[i];
            var age = time - sent.Time;
            if (age >= horizon)
            {
                break;
            }
            if (age < TimeSpan.Zero)
            {
                continue;
            }
            if (cap is { } c && sent.Rule == rule && age < c.Period)
            {
                capCount++;
            }
            if (sent.IsTransactional)
            {
                continue;
            }
            for (var j = 0; j < limits.Count; j++)
            {
                var limit = limits[j];
                if (Applies(limit, channel) && age < limit.Period && (limit.Channel is null || sent.Channel == limit.Channel))
                {
                    limitCounts[j]++;
                }
            }
        }
        return capCount;
    }
}
