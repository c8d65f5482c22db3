using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Text;
using TriggerLang.Engine.Decision;

namespace TriggerLang.Engine.Simulation;

/// <summary>A failed <c>expect</c>: where it is written, what it wanted, and the outcomes of that rule for that user.</summary>
public sealed record ExpectationFailure(Location Location, string Expected, string Problem, IReadOnlyList<Outcome> Actual);

public sealed record TestResult(BoundTest Test, IReadOnlyList<ExpectationFailure> Failures, SimulationResult Run)
{
    public bool Passed => Failures.Count == 0;
}

/// <summary>
/// Runs a project's <c>test</c> blocks (§10): each from an empty state, through
/// the simulator, to the end of its pending work. Expectations are then checked
/// in the order they are written, each against the outcomes not yet claimed by
/// an earlier one, so two `expect … sent` for the same rule and user need two
/// sends. <c>expect no RULE to ID</c> means no outcome of any status.
/// </summary>
public sealed class TestRunner(Simulator simulator, Evaluation.IRuleEvaluators evaluators)
{
    public TestResult Run(BoundTest test)
    {
        var result = simulator.Run(TestInputs.Of(test, evaluators));
        var claimed = new HashSet<Outcome>(ReferenceEqualityComparer.Instance);
        var failures = new List<ExpectationFailure>();
        foreach (var expect in test.Steps.OfType<ExpectStep>())
        {
            var related = result.Outcomes.Where(o => o.Rule == expect.Rule && o.User == expect.UserId).ToList();
            var location = new Location(test.Location.File, expect.Syntax.Span);
            var expected = Describe(expect);
            if (expect.IsNone)
            {
                if (related.Count > 0)
                {
                    failures.Add(new ExpectationFailure(location, expected, $"{expect.Rule} has {related.Count} outcome(s) for {expect.UserId}", related));
                }
                continue;
            }
            var match = related.FirstOrDefault(o => !claimed.Contains(o) && Matches(expect, o));
            if (match is null)
            {
                failures.Add(new ExpectationFailure(location, expected, Mismatch(expect, related, claimed), related));
            }
            else
            {
                claimed.Add(match);
            }
        }
        return new TestResult(test, failures, result);
    }

    private static bool Matches(ExpectStep expect, Outcome outcome) =>
        OutcomeNames.Of(outcome.Status) == expect.Status
        && (expect.Reason is null || (outcome.Reason is { } reason && OutcomeNames.Of(reason) == expect.Reason))
        && (expect.At is not { } at || outcome.Time == at)
        && (expect.Channel is null || outcome.Channel == expect.Channel)
        && expect.Fields.All(f => outcome.Fields.Any(o => o.Key == f.Key && o.Value == f.Value));

    private static string Mismatch(ExpectStep expect, List<Outcome> related, HashSet<Outcome> claimed) =>
        related.Count == 0 ? $"{expect.Rule} has no outcome for {expect.UserId}"
        : related.All(claimed.Contains) ? $"every outcome of {expect.Rule} for {expect.UserId} is matched by an earlier expectation"
        : $"no outcome of {expect.Rule} for {expect.UserId} matches";

    public static string Describe(ExpectStep expect)
    {
        if (expect.IsNone)
        {
            return $"no {expect.Rule} to {expect.UserId}";
        }
        var text = $"{expect.Rule} {expect.Status}{(expect.Reason is null ? "" : " " + expect.Reason)} to {expect.UserId}";
        if (expect.At is { } at)
        {
            text += $" at {IsoTime.Format(at)}";
        }
        if (expect.Channel is { } channel)
        {
            text += $" via {channel}";
        }
        if (!expect.Fields.IsEmpty)
        {
            text += " with { " + string.Join(", ", expect.Fields.Select(f => $"{f.Key}: {Quote(f.Value)}")) + " }";
        }
        return text;
    }

    /// <summary>A string as a trig literal, with the language's escapes.</summary>
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t") + "\"";
}
