using System.Text.Json;
using TriggerLang.Compiler.Emit;
using TriggerLang.Compiler.Project;
using TriggerLang.Compiler.Text;
using TriggerLang.Evaluation;

namespace TriggerLang.Compiler.Tests.Emit;

/// <summary>Checked projects compile to a loadable rule pack whose predicates decide as the rules say.</summary>
public class RulePackCompilerTests
{
    private const string Schema = """
        event cart_abandoned { cart_id: string, total: money, items: int, category: string?, tags: list<string>? }
        event purchase { order_id: string, total: money }
        user { country: string?, vip: bool? }
        """;

    [Theory]
    [InlineData("cart-abandonment")]
    [InlineData("followers-digest")]
    [InlineData("onboarding")]
    public void Every_example_project_compiles(string example)
    {
        var sources = ProjectLoader.Load(Path.Combine(RepositoryPaths.Root, "examples", example));
        var compilation = Compilation.Create(sources.Files, CompilationOptions.Default with { ProjectRoot = sources.Root });

        var build = RulePackCompiler.Compile(compilation);

        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics) + "\n" + build.Source);
        using var pack = LoadedRulePack.Load(build.Assembly!);
        Assert.NotNull(pack.Evaluators.NewUser("u1"));
    }

    [Theory]
    [InlineData("total > 100", """{"cart_id":"c","total":150,"items":2}""", true)]
    [InlineData("total > 100", """{"cart_id":"c","total":100,"items":2}""", false)]
    [InlineData("category == \"wine\"", """{"cart_id":"c","total":1,"items":2}""", false)]
    [InlineData("category != \"wine\"", """{"cart_id":"c","total":1,"items":2}""", false)]
    [InlineData("category == null", """{"cart_id":"c","total":1,"items":2}""", true)]
    [InlineData("not (category == \"wine\")", """{"cart_id":"c","total":1,"items":2}""", true)]
    [InlineData("items / 3 * 3 == items", """{"cart_id":"c","total":1,"items":2}""", false)]
    [InlineData("\"b\" in tags and len(tags) == 2", """{"cart_id":"c","total":1,"items":2,"tags":["a","b"]}""", true)]
    [InlineData("user.country in [\"US\", \"CA\"] or user.vip", """{"cart_id":"c","total":1,"items":2}""", true)]
    [InlineData("round(total / 3, 2) == 0.33", """{"cart_id":"c","total":1,"items":2}""", true)]
    [InlineData("coalesce(category, \"none\") == \"none\" and exists(cart_id)", """{"cart_id":"c","total":1,"items":2}""", true)]
    // lower/upper inside a test are folded without allocating (TrigOps.Folded*): same answers as the plain calls.
    [InlineData("starts_with(lower(category), \"wi\")", """{"cart_id":"c","total":1,"items":2,"category":"WiNe"}""", true)]
    [InlineData("ends_with(upper(cart_id), \"C\") and contains(lower(category), \"in\")", """{"cart_id":"c","total":1,"items":2,"category":"WiNe"}""", true)]
    [InlineData("lower(category) == \"wine\" and \"wine\" == lower(category) and upper(category) != \"wine\"", """{"cart_id":"c","total":1,"items":2,"category":"WiNe"}""", true)]
    [InlineData("lower(category) == \"ÿes\" and not contains(upper(category), \"s\")", """{"cart_id":"c","total":1,"items":2,"category":"ŸEs"}""", true)]
    [InlineData("lower(category) != \"x\" or starts_with(lower(category), \"\")", """{"cart_id":"c","total":1,"items":2}""", false)]
    public void A_compiled_where_decides_like_the_rule_says(string condition, string properties, bool expected)
    {
        using var pack = Compile($"rule r on cart_abandoned where {condition} send email \"x\"");
        var trigger = Event(pack, "cart_abandoned", properties);
        var user = pack.Evaluators.NewUser("u1");
        user.SetAttribute("country", JsonDocument.Parse("\"CA\"").RootElement);

        Assert.Equal(expected, pack.Evaluators.Where(0, trigger, user, trigger.Time));
    }

    [Fact]
    public void Unless_where_sees_the_candidate_and_the_trigger()
    {
        using var pack = Compile("rule r on cart_abandoned unless purchase where total >= event.total send email \"x\"");
        var trigger = Event(pack, "cart_abandoned", """{"cart_id":"c","total":150,"items":2}""");
        var small = Event(pack, "purchase", """{"order_id":"o","total":20}""");
        var big = Event(pack, "purchase", """{"order_id":"o","total":150}""");
        var user = pack.Evaluators.NewUser("u1");

        Assert.False(pack.Evaluators.UnlessWhere(0, 0, trigger, small, user, trigger.Time));
        Assert.True(pack.Evaluators.UnlessWhere(0, 0, trigger, big, user, trigger.Time));
    }

    [Fact]
    public void A_missing_required_field_is_reported_by_name()
    {
        using var pack = Compile("rule r on cart_abandoned send email \"x\"");
        var record = pack.Evaluators.NewEvent("cart_abandoned")!;

        var error = Assert.Throws<TrigDataException>(() => record.ReadProperties(JsonDocument.Parse("""{"cart_id":"c","items":2}""").RootElement));
        Assert.Equal("total", error.Field);
    }

    [Fact]
    public void Unloading_a_pack_frees_it()
    {
        var context = LoadAndUnload();
        for (var i = 0; i < 20 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(context.IsAlive);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference LoadAndUnload()
    {
        var pack = Compile("rule r on cart_abandoned where total > 1 send email \"x\"");
        var reference = pack.ContextReference();
        pack.Dispose();
        return reference;
    }

    private static LoadedRulePack Compile(string rules)
    {
        var compilation = Compilation.Create([new SourceFile("schema.trig", Schema), new SourceFile("rules.trig", rules)]);
        Assert.Empty(compilation.Diagnostics);
        var build = RulePackCompiler.Compile(compilation);
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics) + "\n" + build.Source);
        return LoadedRulePack.Load(build.Assembly!);
    }

    private static EventRecord Event(LoadedRulePack pack, string name, string properties)
    {
        var record = pack.Evaluators.NewEvent(name)!;
        record.Time = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        record.ReadProperties(JsonDocument.Parse(properties).RootElement);
        return record;
    }

    [Fact]
    public void A_compile_error_in_generated_code_is_an_internal_error_naming_the_rule_not_roslyn_output()
    {
        var compilation = Compilation.Create([
            new SourceFile("schema.trig", Schema),
            new SourceFile("rules.trig", "rule first on cart_abandoned where total > 1 send email \"x\"\nrule second on cart_abandoned where items > 1 send email \"y\""),
        ]);

        var build = RulePackCompiler.Compile(compilation, source => source.Replace("class R1 : Ev.CompiledRule", "class R1 : NoSuchType", StringComparison.Ordinal));

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Diagnostics);
        Assert.Equal("TRG0901", error.Code);
        Assert.Contains("rule `second`", error.Message);
        Assert.DoesNotContain("CS0246", error.Message.Replace("(CS0246 at", "", StringComparison.Ordinal));
        Assert.Equal("rules.trig", error.Location!.Value.File.Path);
    }

    [Fact]
    public void A_condition_tests_the_cheaper_side_of_and_first_and_stops_when_it_decides()
    {
        var compilation = Compilation.Create([new SourceFile("schema.trig", Schema),
            new SourceFile("rules.trig", "rule r on cart_abandoned where round(total * 0.9, 2) >= 50 and items % 2 == 0 send email \"x\"")]);

        var build = RulePackCompiler.Compile(compilation);

        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
        var test = build.Source[build.Source.IndexOf("return (", StringComparison.Ordinal)..];
        // The remainder (one decimal operation) before the rounding of a product (two), joined by C#'s `&&`.
        Assert.True(test.IndexOf("Modulo", StringComparison.Ordinal) < test.IndexOf("Round", StringComparison.Ordinal), test);
        Assert.Contains(") && Ops.IsTrue(", test[..test.IndexOf(';')]);
    }

    [Fact]
    public void Membership_in_a_short_list_of_texts_is_a_constant_pattern_and_a_long_list_a_static_array()
    {
        string Texts(int count) => string.Join(", ", Enumerable.Range(1, count).Select(i => $"\"category {i}\""));
        var compilation = Compilation.Create([new SourceFile("schema.trig", Schema), new SourceFile("rules.trig", $"""
            rule short on cart_abandoned where user.country in ["US", "CA", "US", "\u2028*/"] send email "x"
            rule long on cart_abandoned where category in [{Texts(9)}] send email "x"
            rule longest_pattern on cart_abandoned where category in [{Texts(8)}] send email "x"
            """)]);

        var build = RulePackCompiler.Compile(compilation);

        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
        // The rules' returns, after the records' (whose fast JSON readers return too).
        var rules = build.Source[build.Source.IndexOf("sealed class R0 ", StringComparison.Ordinal)..];
        var tests = rules.Split('\n').Where(line => line.StartsWith("        return ", StringComparison.Ordinal)).ToArray();
        // The repeated "US" is written once (Roslyn refuses a pattern an earlier one covers); the text is a C# literal.
        Assert.Equal("""        return (u.A0 is "US" or "CA" or "\u2028*/");""", tests[0]);
        Assert.Contains("Op.InSSL(", tests[1]);
        // Eight patterns, which Roslyn may lower to a switch on the length and a character: still within the allow-list.
        Assert.Contains("\"category 8\")", tests[2]);
    }

    [Fact]
    public void A_zero_literal_is_built_in_place_and_a_zero_with_places_keeps_them()
    {
        // 0m would compile to a load of decimal.Zero, a static reached through a class-initialisation check in a
        // collectible pack; default(decimal) is the same bits. 0.0 has a scale, so it stays a literal.
        var build = RulePackCompiler.Compile(Compilation.Create([new SourceFile("schema.trig", Schema),
            new SourceFile("rules.trig", "rule r on cart_abandoned where items == 0 and total >= 0.0 send email \"x\"")]));
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
        var condition = build.Source.Split('\n').Single(line => line.StartsWith("        return ", StringComparison.Ordinal) && line.Contains("Op."));

        Assert.Contains("((decimal?)default(decimal))", condition);
        Assert.Contains("((decimal?)0.0m)", condition);
        using var pack = LoadedRulePack.Load(build.Assembly!);
        Assert.True(pack.Evaluators.Where(0, Event(pack, "cart_abandoned", """{"cart_id":"c","total":1,"items":0}"""), pack.Evaluators.NewUser("u1"), DateTimeOffset.UnixEpoch));
        Assert.False(pack.Evaluators.Where(0, Event(pack, "cart_abandoned", """{"cart_id":"c","total":1,"items":2}"""), pack.Evaluators.NewUser("u1"), DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void The_warm_up_project_checks_clean_and_compiles()
    {
        var compilation = Compilation.Create([new SourceFile("warm-up.trig", RoslynWarmUp.Project)]);

        Assert.Empty(compilation.Diagnostics);
        Assert.True(RulePackCompiler.Compile(compilation).Succeeded);
    }

    [Fact]
    public void A_compile_error_outside_the_rule_classes_is_an_internal_error_of_the_project()
    {
        var compilation = Compilation.Create([new SourceFile("schema.trig", Schema), new SourceFile("rules.trig", "rule r on cart_abandoned where total > 1 send email \"x\"")]);

        var build = RulePackCompiler.Compile(compilation, source => source.Replace(": Ev.EventRecord", ": NoSuchType", StringComparison.Ordinal));

        Assert.False(build.Succeeded);
        Assert.All(build.Diagnostics, d => Assert.Equal("TRG0901", d.Code));
        Assert.Contains(build.Diagnostics, d => d.Message.Contains("generating the rule pack", StringComparison.Ordinal) && d.Location is null);
    }

    [Fact]
    public void An_assembly_that_compiles_but_reaches_outside_the_allow_list_is_refused()
    {
        // System.IO.File is in System.Private.CoreLib, an allowed assembly: only the audit of the emitted metadata can catch it.
        var compilation = Compilation.Create([new SourceFile("schema.trig", Schema), new SourceFile("rules.trig", "rule r on cart_abandoned where total > 1 send email \"x\"")]);

        var build = RulePackCompiler.Compile(compilation,
            source => source.Replace("return Ops.IsTrue(", "return global::System.IO.File.Exists(\"/\") && Ops.IsTrue(", StringComparison.Ordinal));

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Diagnostics);
        Assert.Equal("TRG0901", error.Code);
        Assert.Contains("auditing the rule pack", error.Message);
        Assert.Contains("System.IO.File", error.Message);
    }

    [Fact]
    public void Rules_without_predicates_share_one_object_and_answer_the_defaults()
    {
        using var pack = Compile("rule a on cart_abandoned send email \"x\"\nrule b on cart_abandoned where total > 1 send email \"y\"\nrule c on purchase send email \"z\"");
        var trigger = Event(pack, "cart_abandoned", """{"cart_id":"c","total":0,"items":2}""");
        var user = pack.Evaluators.NewUser("u1");

        Assert.Equal([true, false, true, true], new[] { 0, 1, 2, 3 }.Select(r => pack.Evaluators.Where(r, trigger, user, trigger.Time)));
        Assert.True(pack.Evaluators.UnlessWhere(0, 0, trigger, trigger, user, trigger.Time));
        Assert.True(pack.Evaluators.GoalWhere(1, trigger, trigger, user, trigger.Time));
        Assert.Null(pack.Evaluators.Audience(2, trigger, user, trigger.Time));
        var rules = (CompiledRule?[])pack.Evaluators.GetType().BaseType!
            .GetField("_rules", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(pack.Evaluators)!;
        Assert.Same(CompiledRule.None, rules[0]);
        Assert.Same(CompiledRule.None, rules[2]);
        Assert.NotSame(CompiledRule.None, rules[1]);
    }
}
