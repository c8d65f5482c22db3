using System.Collections.Concurrent;
using CsCheck;
using TriggerLang.Compiler.Binding;
using TriggerLang.Compiler.Interpretation;
using TriggerLang.Compiler.Tests.Semantics;
using Xunit.Abstractions;

namespace TriggerLang.Compiler.Tests.Interpretation;

/// <summary>
/// Compiled code computes the same values as the interpreter, not only the
/// same decisions: for generated numeric, text, user, boolean, duration and
/// timestamp expressions, the interpreter's value on a payload becomes a
/// probe (<see cref="ValueProbe"/>) that the compiled pack must find true on
/// that payload. This catches a wrong digit in the 28th decimal place or an
/// absent that came out false, which a condition may hide.
/// </summary>
public class ValueDifferentialTests(ITestOutputHelper output)
{
    private const int ExpressionsPerPack = 60;
    private const int PayloadsPerPack = 5;
    private const int Packs = 12;
    private const int Depth = 3;

    private static readonly Kind[] Kinds = [Kind.Int, Kind.Decimal, Kind.String, Kind.User, Kind.Bool, Kind.Duration, Kind.Timestamp];
    private static readonly ExpressionGenerator Expressions = new();
    private static readonly Lazy<Compiler.Emit.LoadedRulePack> Records = new(ProbeProject.Records);

    [Fact]
    public void Compiled_values_equal_interpreted_values()
    {
        var mismatches = new ConcurrentQueue<string>();
        var probes = 0L;
        var kinds = new ConcurrentDictionary<string, int>();
        var expression = Gen.Int[0, Kinds.Length - 1].SelectMany(k => Expressions.Of(Kinds[k], Depth));
        Gen.Select(expression.Array[ExpressionsPerPack], PayloadGenerator.Payload.Array[PayloadsPerPack]).Sample((expressions, payloads) =>
        {
            Interlocked.Add(ref probes, Probe(expressions, payloads, mismatches, kinds));
        }, iter: Packs, threads: 4);

        output.WriteLine($"{Packs * ExpressionsPerPack} expressions x {PayloadsPerPack} payloads: {probes} values probed ({string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Value} {k.Key}"))}), {mismatches.Count} mismatches");
        Assert.True(mismatches.IsEmpty, $"{mismatches.Count} mismatches, the first:\n" + string.Join("\n\n", mismatches.Take(12)));
    }

    private static long Probe(GeneratedExpression[] expressions, Payload[] payloads, ConcurrentQueue<string> mismatches,
        ConcurrentDictionary<string, int> kinds)
    {
        // Bind each expression once, as the argument of exists(), to interpret it.
        var model = ProbeProject.Check([.. expressions.Select((e, i) => $"rule e{i} on probe where exists({e.Text}) send email \"x\"")]).Model;
        var bound = model.Rules.Select(r => ((BoundCall)r.Where!).Arguments[0]).ToArray();
        // Field symbols belong to one compilation: the interpreter must use that compilation's schema.
        var interpreter = new ExpressionInterpreter(model.Schema);
        var probes = new List<(string Condition, int Payload, string Expression, object? Value)>();
        for (var p = 0; p < payloads.Length; p++)
        {
            var (trigger, user) = ProbeProject.Load(Records.Value.Evaluators, payloads[p]);
            var t = (DateTimeOffset)trigger.GetField(ProbeSchema.TimestampField)!;
            for (var e = 0; e < expressions.Length; e++)
            {
                object? value;
                try
                {
                    value = interpreter.Evaluate(bound[e], trigger, null, user, ProbeSchema.Now);
                }
                catch (InvalidOperationException error)
                {
                    mismatches.Enqueue($"{expressions[e].Text}\n  payload {payloads[p]}\n  the interpreter throws {error.Message}");
                    continue;
                }
                if (ValueProbe.Condition(expressions[e].Text, value, t) is { } condition)
                {
                    probes.Add((condition, p, expressions[e].Text, value));
                    kinds.AddOrUpdate(value?.GetType().Name ?? "absent", 1, (_, n) => n + 1);
                }
            }
        }

        var build = ProbeProject.Build(ProbeProject.Check([.. probes.Select((p, i) => $"rule p{i} on probe where {p.Condition} send email \"x\"")]));
        if (build.Pack is null)
        {
            mismatches.Enqueue("generated code does not compile for:\n" + string.Join("\n", build.Broken.Select(n => probes[int.Parse(n[1..], System.Globalization.CultureInfo.InvariantCulture)].Condition)));
            return 0;
        }
        using var pack = build.Pack;
        var records = payloads.Select(p => ProbeProject.Load(pack.Evaluators, p)).ToArray();
        for (var i = 0; i < probes.Count; i++)
        {
            var (condition, p, text, value) = probes[i];
            var (trigger, user) = records[p];
            bool holds;
            try
            {
                holds = pack.Evaluators.Where(i, trigger, user, ProbeSchema.Now);
            }
            catch (Exception error) when (error is not Evaluation.TrigDataException)
            {
                mismatches.Enqueue($"{text}\n  payload {payloads[p]}\n  interpreted {Values.Show(value)}, compiled throws {error.GetType().Name}: {error.Message}");
                continue;
            }
            if (!holds)
            {
                mismatches.Enqueue($"{text}\n  payload {payloads[p]}\n  interpreted {Values.Show(value)}, but compiled does not satisfy {condition}");
            }
        }
        return probes.Count;
    }
}
