using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Engine.Decision;

/// <summary>
/// The cap a send reached (<see cref="Caps.Exceeded"/>): its rule's own, or a global limit. Put into words only when
/// the engine explains: four in ten outcomes of a large simulation are <c>capped</c>, and the text was built for each.
/// </summary>
internal readonly record struct CapReached(RateSpec? RuleCap, GlobalLimit? Limit)
{
    public string Describe(string recipient)
    {
        if (RuleCap is { } cap)
        {
            return $"cap {cap.Count}/{ClauseText.Duration(cap.Period)}: {recipient} already got {cap.Count} in the last {ClauseText.Duration(cap.Period)}";
        }
        var limit = Limit!;
        var scope = limit.Channel is null ? "all channels" : limit.Channel;
        return $"limits: cap {limit.Count}/{ClauseText.Duration(limit.Period)} on {scope} reached for {recipient}";
    }
}
