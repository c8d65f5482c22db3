using TriggerLang.Engine.Decision;

namespace TriggerLang.Engine.Simulation;

/// <summary>
/// A simulation's outcomes, sorted as §8 says (by time, then rule name, then
/// user, ties in decision order); the goals reached; warnings, each once; and
/// the number of input events; the sends still pending when the run stopped
/// (only with <c>--until</c>).
/// </summary>
public sealed record SimulationResult(
    IReadOnlyList<Outcome> Outcomes,
    IReadOnlyList<Conversion> Conversions,
    IReadOnlyList<string> Warnings,
    int EventsProcessed,
    int PendingLeft);
