using System.Text.Json;
using TriggerLang.Compiler.Emit;
using TriggerLang.Compiler.Interpretation;
using TriggerLang.Compiler.Text;
using TriggerLang.Evaluation;

namespace TriggerLang.Compiler.Tests.Interpretation;

/// <summary>The interpreted rule predicates follow the <see cref="IRuleEvaluators"/> contract, like a compiled pack.</summary>
public class RuleInterpreterTests
{
    private const string Schema = """
        event cart_abandoned { cart_id: string, total: money, owner: user, helper: user? }
        event purchase { order_id: string, total: money }
        user { country: string? }
        """;

    private const string Rules = """
        rule plain on cart_abandoned send email "x"
        rule big on cart_abandoned where total > 100 and user.country in ["US", "CA"] unless purchase where total >= event.total send email "x"
        rule goal on cart_abandoned where helper == null goal purchase where total > event.total within 1d send email "x"
        rule fans on cart_abandoned to followers(owner) send email "x"
        rule helped on cart_abandoned to helper send email "x"
        """;

    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Interpreted_predicates_decide_like_the_compiled_pack()
    {
        var compilation = Compilation.Create([new SourceFile("schema.trig", Schema), new SourceFile("rules.trig", Rules)]);
        Assert.Empty(compilation.Diagnostics);
        using var pack = LoadedRulePack.Load(RulePackCompiler.Compile(compilation).Assembly!);
        var interpreted = new RuleInterpreter(compilation.Model, pack.Evaluators);
        var trigger = Event(interpreted, "cart_abandoned", """{"cart_id":"c","total":150,"owner":"u9"}""");
        var small = Event(interpreted, "purchase", """{"order_id":"o","total":20}""");
        var big = Event(interpreted, "purchase", """{"order_id":"o","total":150.00}""");
        var user = interpreted.NewUser("u1");
        user.SetAttribute("country", JsonDocument.Parse("\"CA\"").RootElement);

        foreach (var evaluators in new[] { interpreted, pack.Evaluators })
        {
            Assert.True(evaluators.Where(0, trigger, user, Now));
            Assert.True(evaluators.Where(1, trigger, user, Now));
            Assert.False(evaluators.UnlessWhere(1, 0, trigger, small, user, Now));
            Assert.True(evaluators.UnlessWhere(1, 0, trigger, big, user, Now));
            Assert.True(evaluators.Where(2, trigger, user, Now));
            Assert.False(evaluators.GoalWhere(2, trigger, big, user, Now));
            Assert.Equal("u9", evaluators.Audience(3, trigger, user, Now));
            Assert.Null(evaluators.Audience(4, trigger, user, Now));
        }
    }

    [Fact]
    public void Records_come_from_the_pack_it_is_given()
    {
        var compilation = Compilation.Create([new SourceFile("schema.trig", Schema), new SourceFile("rules.trig", Rules)]);
        using var pack = LoadedRulePack.Load(RulePackCompiler.Compile(compilation).Assembly!);
        var interpreted = new RuleInterpreter(compilation.Model, pack.Evaluators);

        Assert.Equal("purchase", interpreted.NewEvent("purchase")!.Name);
        Assert.Null(interpreted.NewEvent("nosuch"));
        Assert.Equal("u1", interpreted.NewUser("u1").Id);
    }

    private static EventRecord Event(IRuleEvaluators evaluators, string name, string properties)
    {
        var record = evaluators.NewEvent(name)!;
        record.Time = Now;
        record.ReadProperties(JsonDocument.Parse(properties).RootElement);
        return record;
    }
}
