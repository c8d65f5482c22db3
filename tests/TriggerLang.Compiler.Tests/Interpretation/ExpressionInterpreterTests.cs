using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TriggerLang.Compiler.Binding;
using TriggerLang.Compiler.Interpretation;

namespace TriggerLang.Compiler.Tests.Interpretation;

/// <summary>The interpreter, and the compiled code, give each expression of <see cref="SpecCases"/> the value LANGUAGE.md §11 says.</summary>
public class ExpressionInterpreterTests
{
    private static readonly Lazy<Compiler.Emit.LoadedRulePack> Records = new(ProbeProject.Records);

    [Theory]
    [MemberData(nameof(SpecCases.All), MemberType = typeof(SpecCases))]
    public void The_interpreter_gives_the_value_the_spec_says(string expression, string optionals, string expected)
    {
        var model = ProbeProject.Check([$"rule r on probe where exists({expression}) send email \"x\""]).Model;
        var bound = ((BoundCall)model.Rules[0].Where!).Arguments[0];
        var (trigger, user) = ProbeProject.Load(Records.Value.Evaluators, Payload(optionals));

        var value = new ExpressionInterpreter(model.Schema).Evaluate(bound, trigger, null, user, ProbeSchema.Now);

        Assert.True(Values.AreEqual(Parse(expected), value) || expected == "absent" && value is null,
            $"{expression} is {Values.Show(value)}, expected {expected}");
    }

    [Fact]
    public void Compiled_code_gives_every_spec_case_its_value()
    {
        var cases = SpecCases.All.Select(c => ((string)c[0], (string)c[1], (string)c[2])).ToArray();
        var t = DateTimeOffset.Parse("2026-11-29T22:00:00Z", CultureInfo.InvariantCulture);
        var probes = cases.Select((c, i) => $"rule p{i} on probe where {ValueProbe.Condition(c.Item1, Parse(c.Item3), t)} send email \"x\"").ToArray();
        var (pack, broken, _) = ProbeProject.Build(ProbeProject.Check(probes));
        Assert.True(pack is not null, "generated code does not compile for " + string.Join(", ", broken));
        using (pack)
        {
            var failures = cases.Where((c, i) =>
            {
                var (trigger, user) = ProbeProject.Load(pack.Evaluators, Payload(c.Item2));
                return !pack.Evaluators.Where(i, trigger, user, ProbeSchema.Now);
            }).Select(c => $"{c.Item1} with {c.Item2} is not {c.Item3}");
            Assert.Empty(failures);
        }
    }

    [Fact]
    public void A_probe_of_a_wrong_value_does_not_hold()
    {
        var t = DateTimeOffset.Parse("2026-11-29T22:00:00Z", CultureInfo.InvariantCulture);
        var probes = new[] { ("7 / 2", (object?)3.4m), ("oi", 0m), ("s", "ab"), ("du", TimeSpan.FromMinutes(61)), ("t + 1s", t), ("true and ob", false) }
            .Select((p, i) => $"rule p{i} on probe where {ValueProbe.Condition(p.Item1, p.Item2, t)} send email \"x\"").ToArray();
        using var pack = ProbeProject.Build(ProbeProject.Check(probes)).Pack!;
        var (trigger, user) = ProbeProject.Load(pack.Evaluators, Payload("{}"));

        Assert.All(Enumerable.Range(0, probes.Length), i => Assert.False(pack.Evaluators.Where(i, trigger, user, ProbeSchema.Now), probes[i]));
    }

    /// <summary>The base properties with <paramref name="optionals"/> added, for recipient u1 with an empty profile.</summary>
    private static Payload Payload(string optionals)
    {
        var properties = JsonNode.Parse(SpecCases.BaseProperties)!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(optionals)!.AsObject())
        {
            properties[name] = value?.DeepClone();
        }
        return new Payload(properties.ToJsonString(), "u1", "{}");
    }

    /// <summary>An expected value as <see cref="SpecCases"/> writes it.</summary>
    private static object? Parse(string expected) => expected switch
    {
        "absent" => null,
        "true" => true,
        "false" => false,
        ['"', ..] => JsonSerializer.Deserialize<string>(expected),
        _ when expected.Contains(':', StringComparison.Ordinal) => TimeSpan.ParseExact(expected, "c", CultureInfo.InvariantCulture),
        _ => decimal.Parse(expected, NumberStyles.Number, CultureInfo.InvariantCulture),
    };
}
