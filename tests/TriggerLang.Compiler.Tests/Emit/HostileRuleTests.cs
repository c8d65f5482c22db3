using System.Text.Json;
using TriggerLang.Compiler.Emit;
using TriggerLang.Compiler.Text;
using TriggerLang.Evaluation;

namespace TriggerLang.Compiler.Tests.Emit;

/// <summary>
/// Rules written to inject C# into the rule pack compile, and their names and
/// strings behave as plain data: a where-string matches exactly itself, no
/// file is touched, the process goes on, and the generated code holds rule
/// text only inside string literals.
/// </summary>
public sealed class HostileRuleTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _sandbox = Directory.CreateTempSubdirectory("trig-hostile-");
    private readonly string _victim;
    private readonly string _created;
    private readonly HostileProject _project;

    public HostileRuleTests()
    {
        _victim = Path.Combine(_sandbox.FullName, "victim");
        _created = Path.Combine(_sandbox.FullName, "created");
        File.WriteAllText(_victim, "still here");
        _project = HostileProject.Hostile(_victim, _created);
    }

    public void Dispose() => _sandbox.Delete(recursive: true);

    [Fact]
    public void A_where_string_matches_exactly_itself()
    {
        Assert.Equal(_project.Payloads.Count, _project.Payloads.Distinct(StringComparer.Ordinal).Count());
        using var pack = Load(_project);
        var user = pack.Evaluators.NewUser("u1");
        var probes = _project.Payloads.SelectMany(p => new[] { p, p + "x", "x" + p, p.ToUpperInvariant() }).Distinct(StringComparer.Ordinal);
        foreach (var probe in probes)
        {
            var trigger = Trigger(pack, probe);
            for (var rule = 0; rule < _project.Payloads.Count; rule++)
            {
                var expected = string.Equals(_project.Payloads[rule], probe, StringComparison.Ordinal);
                Assert.True(expected == pack.Evaluators.Where(rule, trigger, user, Now),
                    $"rule {rule} (`{_project.Payloads[rule]}`) on `{probe}`: expected {expected}");
            }
        }
        AssertSandboxUntouched();
    }

    [Fact]
    public void A_where_string_read_from_json_matches_itself()
    {
        using var pack = Load(_project);
        var user = pack.Evaluators.NewUser("u1");
        for (var rule = 0; rule < _project.Payloads.Count; rule++)
        {
            var payload = _project.Payloads[rule];
            if (!HostilePayloads.IsWellFormed(payload))
            {
                continue; // JSON cannot carry a lone surrogate.
            }
            var trigger = pack.Evaluators.NewEvent("class")!;
            trigger.ReadProperties(JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { ["return"] = payload })).RootElement);
            Assert.True(pack.Evaluators.Where(rule, trigger, user, Now), $"rule {rule} (`{payload}`)");
        }
        AssertSandboxUntouched();
    }

    [Fact]
    public void Names_that_are_csharp_keywords_or_generated_names_are_data()
    {
        using var pack = Load(_project);
        Assert.Equal("class", pack.Evaluators.NewEvent("class")!.Name);
        Assert.Equal("namespace", pack.Evaluators.NewEvent("namespace")!.Name);
        Assert.Equal("Event0", pack.Evaluators.NewEvent("Event0")!.Name);
        Assert.Null(pack.Evaluators.NewEvent("Event1"));
        Assert.Null(pack.Evaluators.NewEvent("RulePack"));

        var trigger = pack.Evaluators.NewEvent("class")!;
        trigger.ReadProperties(Json("""{"return":"r","static":"s","__arglist":["a"],"default":7,"F0":"f","t":"u2"}"""));
        Assert.Equal(["r", "s", new[] { "a" }, 7m, "f", "u2"], Enumerable.Range(0, 6).Select(trigger.GetField));
        var error = Assert.Throws<TrigDataException>(() => pack.Evaluators.NewEvent("class")!.ReadProperties(Json("""{"F0":"f"}""")));
        Assert.Equal("return", error.Field);

        var user = pack.Evaluators.NewUser("u1");
        foreach (var (name, index) in new[] { ("base", 5), ("A0", 6), ("name", 7), ("v", 8) })
        {
            user.SetAttribute(name, Json($"\"{name}!\""));
            Assert.Equal(name + "!", user.GetAttribute(index));
        }
        user.SetAttribute("A1", Json("\"ignored\""));
        Assert.Throws<ArgumentOutOfRangeException>(() => user.GetAttribute(10));
    }

    [Fact]
    public void Hostile_strings_in_lists_calls_unless_goal_and_audience_are_data()
    {
        using var pack = Load(_project);
        var rule = _project.Payloads.Count;
        var user = pack.Evaluators.NewUser("u1");
        var trigger = Trigger(pack, HostilePayloads.Extra[1]);
        Assert.True(pack.Evaluators.Where(rule, trigger, user, Now));
        Assert.False(pack.Evaluators.Where(rule, Trigger(pack, HostilePayloads.Extra[1] + " "), user, Now));

        user.SetAttribute("operator", Json(JsonSerializer.Serialize(new[] { HostilePayloads.Extra[2] })));
        Assert.True(pack.Evaluators.Where(rule, Trigger(pack, "none"), user, Now));

        trigger.ReadProperties(Json("""{"return":"r","F0":"f","t":"actor"}"""));
        Assert.Equal("actor", pack.Evaluators.Audience(rule, trigger, user, Now));
        var candidate = pack.Evaluators.NewEvent("namespace")!;
        candidate.ReadProperties(Json(JsonSerializer.Serialize(new Dictionary<string, string> { ["this"] = HostilePayloads.Extra[6] })));
        Assert.False(pack.Evaluators.UnlessWhere(rule, 0, trigger, candidate, user, Now)); // Extra[6] holds a lone surrogate: JSON replaced it.
        SetField(candidate, 0, HostilePayloads.Extra[6]);
        Assert.True(pack.Evaluators.UnlessWhere(rule, 0, trigger, candidate, user, Now));

        var goal = pack.Evaluators.NewEvent("Event0")!;
        goal.ReadProperties(Json(JsonSerializer.Serialize(new Dictionary<string, string> { ["p"] = HostilePayloads.Extra[8] })));
        Assert.True(pack.Evaluators.GoalWhere(rule, trigger, goal, user, Now));
        SetField(goal, 0, HostilePayloads.Extra[8] + "'");
        Assert.False(pack.Evaluators.GoalWhere(rule, trigger, goal, user, Now));
        AssertSandboxUntouched();
    }

    [Fact]
    public void Rule_text_reaches_the_generated_code_only_as_string_literals()
    {
        var generated = RulePackCompiler.Generate(Check(_project));

        var literals = GeneratedSourceAudit.Audit(generated.Source);

        var declared = _project.DeclaredNames.Concat(["message_sent", "message_opened", "message_clicked", "rule", "channel", "url"]);
        var strings = _project.ExpressionStrings.ToHashSet(StringComparer.Ordinal);
        // Titles and messages (marked " (title)", " (message)") are the engine's business: they are not in the code at all.
        Assert.All(literals, l => Assert.True(declared.Contains(l) || strings.Contains(l), $"literal `{l}` is not an expression string or a declared name"));
        Assert.All(_project.Payloads, p => Assert.Contains(p, literals));
        AssertSandboxUntouched();
    }

    [Fact]
    public void Hostile_and_benign_projects_of_one_shape_generate_the_same_code_but_for_literals()
    {
        var hostile = RulePackCompiler.Generate(Check(_project)).Source;
        var benign = RulePackCompiler.Generate(Check(HostileProject.Benign(_project.Payloads.Count))).Source;

        Assert.Equal(GeneratedSourceAudit.Shape(benign), GeneratedSourceAudit.Shape(hostile));
        Assert.Equal(benign.Count(c => c == '\n'), hostile.Count(c => c == '\n'));
    }

    private static Compilation Check(HostileProject project)
    {
        var compilation = Compilation.Create(project.Files().Select(f => new SourceFile(f.Path, f.Text)));
        Assert.Empty(compilation.Diagnostics);
        return compilation;
    }

    private static LoadedRulePack Load(HostileProject project)
    {
        var build = RulePackCompiler.Compile(Check(project));
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics) + "\n" + build.Source);
        return LoadedRulePack.Load(build.Assembly!);
    }

    /// <summary>A <c>class</c> event whose <c>return</c> is <paramref name="value"/>, set directly: JSON cannot carry every string.</summary>
    private static EventRecord Trigger(LoadedRulePack pack, string value)
    {
        var record = pack.Evaluators.NewEvent("class")!;
        SetField(record, 0, value);
        return record;
    }

    private static void SetField(EventRecord record, int index, string value) =>
        record.GetType().GetField(GeneratedNames.EventField(index))!.SetValue(record, value);

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    private void AssertSandboxUntouched()
    {
        Assert.Equal("still here", File.ReadAllText(_victim));
        Assert.False(File.Exists(_created));
        Assert.Equal([_victim], Directory.GetFileSystemEntries(_sandbox.FullName));
    }
}
