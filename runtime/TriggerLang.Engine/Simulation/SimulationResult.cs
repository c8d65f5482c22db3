using TriggerLang.Engine.Decision;

namespace TriggerLang.Engine.Simulation;

/// <summary>
/// A simulation's outcomes, sorted as §8 says (by time, then rule name, then
/// user, ties in decision order; empty when they were emitted as the run went),
/// how many of each status; the goals reached; warnings, each once; the number
/// of input events; the sends still pending when the run stopped (only with <c>--until</c>).
/// </summary>
public sealed record SimulationResult(
    IReadOnlyList<Outcome> Outcomes,
    OutcomeCounts Counts,
    IReadOnlyList<Conversion> Conversions,
    IReadOnlyList<string> Warnings,
    int EventsProcessed,
    int PendingLeft);

/// <summary>Outcomes by status.</summary>
public readonly record struct OutcomeCounts(int Sent, int Suppressed, int Failed)
{
    public int Total => Sent + Suppressed + Failed;

    public OutcomeCounts Add(OutcomeStatus status) => status switch
    {
        OutcomeStatus.Sent => this with { Sent = Sent + 1 },
        OutcomeStatus.Suppressed => this with { Suppressed = Suppressed + 1 },
        _ => this with { Failed = Failed + 1 },
    };
}
