using System.Collections.Concurrent;
using CsCheck;
using TriggerLang.Compiler.Interpretation;
using TriggerLang.Compiler.Tests.Semantics;
using TriggerLang.Evaluation;
using Xunit.Abstractions;

namespace TriggerLang.Compiler.Tests.Interpretation;

/// <summary>
/// The compiled rule pack and the reference interpreter decide every
/// generated condition alike, on every generated payload: each rule's
/// <c>where</c> (over the trigger) and its <c>unless … where</c> (over a
/// candidate event too). Rules are compiled 200 to a project, for speed.
/// </summary>
public class ConditionDifferentialTests(ITestOutputHelper output)
{
    private const int RulesPerPack = 200;
    private const int PayloadsPerPack = 24;
    private const int Packs = 16;
    private const int Depth = 4;

    private static readonly ExpressionGenerator Expressions = new();

    [Fact]
    public void Compiled_conditions_decide_like_the_interpreter()
    {
        var mismatches = new ConcurrentQueue<string>();
        var evaluations = 0L;
        var holds = 0L;
        var rules = Gen.Select(Expressions.Condition(Depth), Expressions.Condition(Depth)).Array[RulesPerPack];
        Gen.Select(rules, PayloadGenerator.Payload.Array[PayloadsPerPack]).Sample((conditions, payloads) =>
        {
            var (count, held) = Compare(conditions, payloads, mismatches);
            Interlocked.Add(ref evaluations, count);
            Interlocked.Add(ref holds, held);
        }, iter: Packs, threads: 4, seed: null);

        output.WriteLine($"{Packs * RulesPerPack * 2} conditions x {PayloadsPerPack} payloads: {evaluations} evaluations ({holds} true), {mismatches.Count} mismatches");
        Assert.True(mismatches.IsEmpty, $"{mismatches.Count} mismatches, the first:\n" + string.Join("\n\n", mismatches.Take(12)));
    }

    /// <summary>Compiles the rules, then compares both evaluators on each payload; returns the number of evaluations and of true ones.</summary>
    private static (long Count, long Held) Compare((GeneratedExpression Where, GeneratedExpression Unless)[] conditions, Payload[] payloads, ConcurrentQueue<string> mismatches)
    {
        var live = conditions.ToList();
        var compilation = ProbeProject.Check(Render(live));
        var build = ProbeProject.Build(compilation);
        if (build.Pack is null)
        {
            foreach (var name in build.Broken)
            {
                var (where, unless) = live[int.Parse(name[1..], System.Globalization.CultureInfo.InvariantCulture)];
                mismatches.Enqueue($"generated code does not compile:\n  where {where}\n  unless where {unless}");
            }
            var broken = build.Broken.Select(n => int.Parse(n[1..], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            live = [.. live.Where((_, i) => !broken.Contains(i))];
            compilation = ProbeProject.Check(Render(live));
            build = ProbeProject.Build(compilation);
        }
        using var pack = build.Pack!;
        var compiled = pack.Evaluators;
        var interpreted = new RuleInterpreter(compilation.Model, compiled);
        var (count, held) = (0L, 0L);
        for (var p = 0; p < payloads.Length; p++)
        {
            var (trigger, user) = ProbeProject.Load(compiled, payloads[p]);
            var (candidate, _) = ProbeProject.Load(compiled, payloads[(p + 1) % payloads.Length]);
            // The evaluation time moves around the trigger time, so that days_since sees whole and partial days.
            var now = ProbeSchema.Now.AddSeconds((p - PayloadsPerPack / 2) * 40_000L);
            for (var r = 0; r < live.Count; r++)
            {
                var a = Outcome(() => compiled.Where(r, trigger, user, now));
                var b = Outcome(() => interpreted.Where(r, trigger, user, now));
                if (a != b)
                {
                    mismatches.Enqueue($"where {live[r].Where}\n  payload {payloads[p]}\n  now {now:O}\n  compiled {a}, interpreted {b}");
                }
                var c = Outcome(() => compiled.UnlessWhere(r, 0, trigger, candidate, user, now));
                var d = Outcome(() => interpreted.UnlessWhere(r, 0, trigger, candidate, user, now));
                if (c != d)
                {
                    mismatches.Enqueue($"unless probe where {live[r].Unless}\n  trigger {payloads[p]}\n  candidate {payloads[(p + 1) % payloads.Length]}\n" +
                        $"  now {now:O}\n  compiled {c}, interpreted {d}");
                }
                count += 2;
                held += (b == "true" ? 1 : 0) + (d == "true" ? 1 : 0);
            }
        }
        return (count, held);
    }

    private static List<string> Render(List<(GeneratedExpression Where, GeneratedExpression Unless)> conditions) =>
        [.. conditions.Select((c, i) => $"rule r{i} on probe where {c.Where.Text} unless probe where {c.Unless.Text} send email \"x\"")];

    private static string Outcome(Func<bool> evaluate)
    {
        try
        {
            return evaluate() ? "true" : "false";
        }
        catch (Exception e) when (e is not TrigDataException)
        {
            return $"throws {e.GetType().Name}: {e.Message}";
        }
    }
}
