using System.Text.Json;
using System.Text.RegularExpressions;
using TriggerLang.Compiler.Emit;
using TriggerLang.Compiler.Text;
using TriggerLang.Evaluation;

namespace TriggerLang.Compiler.Tests.Interpretation;

/// <summary>Rules over <see cref="ProbeSchema"/>, checked and compiled in one project; and the records of a payload.</summary>
internal static partial class ProbeProject
{
    /// <summary>The checked project of these rules (one per line, in order); fails the test on any diagnostic.</summary>
    public static Compilation Check(IReadOnlyList<string> rules)
    {
        var compilation = Compilation.Create([new SourceFile("schema.trig", ProbeSchema.Source), new SourceFile("rules.trig", string.Join("\n", rules))]);
        Assert.True(compilation.Diagnostics.IsEmpty, string.Join("\n", compilation.Diagnostics.Take(10)));
        return compilation;
    }

    /// <summary>
    /// The rule pack of a checked project, or the names of the rules whose
    /// generated code does not compile (an emitter bug, reported as such).
    /// </summary>
    public static (LoadedRulePack? Pack, string[] Broken, string Source) Build(Compilation compilation)
    {
        var build = RulePackCompiler.Compile(compilation);
        if (build.Succeeded)
        {
            return (LoadedRulePack.Load(build.Assembly!), [], build.Source);
        }
        var broken = build.Diagnostics.Select(d => RuleName().Match(d.Message)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.True(broken.Length > 0, "the rule pack does not compile: " + string.Join("\n", build.Diagnostics));
        return (null, broken, build.Source);
    }

    /// <summary>A pack with the probe schema and no conditions: the factory of records for the interpreter.</summary>
    public static LoadedRulePack Records() =>
        Build(Check(["rule r on probe send email \"x\""])).Pack!;

    /// <summary>The trigger event (at <see cref="ProbeSchema.Now"/>) and recipient of a payload, as records of <paramref name="factory"/>.</summary>
    public static (EventRecord Event, UserRecord User) Load(IRuleEvaluators factory, Payload payload)
    {
        var record = factory.NewEvent(ProbeSchema.Event)!;
        record.Id = "e1";
        record.UserId = payload.UserId;
        record.Time = ProbeSchema.Now;
        record.ReadProperties(JsonDocument.Parse(payload.Properties).RootElement);
        var user = factory.NewUser(payload.UserId);
        foreach (var attribute in JsonDocument.Parse(payload.Attributes).RootElement.EnumerateObject())
        {
            user.SetAttribute(attribute.Name, attribute.Value);
        }
        return (record, user);
    }

    [GeneratedRegex("rule `([^`]+)`")]
    private static partial Regex RuleName();
}
