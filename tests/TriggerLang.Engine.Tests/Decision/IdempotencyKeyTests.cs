using TriggerLang.Engine.Decision;

namespace TriggerLang.Engine.Tests.Decision;

/// <summary>A message's idempotency key: the same for every attempt at it, never shared by two messages.</summary>
public sealed class IdempotencyKeyTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.Parse("2026-12-01T10:00Z");

    [Fact]
    public void The_key_names_rule_recipient_trigger_and_channel()
    {
        using var project = RuleProjects.FromText("""
            event ping { }
            rule hello on ping send email "x"
            """);
        Assert.Equal("hello/u1/e1/email", Key(project, "u1", "e1"));
    }

    [Theory]
    [InlineData("b/c", "d", "b", "c/d")]
    [InlineData("b:c", "d", "b", "c:d")]
    [InlineData("b%2Fc", "d", "b/c", "d")]
    public void Ids_holding_separators_or_escapes_never_make_two_messages_share_a_key(string user1, string trigger1, string user2, string trigger2)
    {
        using var project = RuleProjects.FromText("""
            event ping { }
            rule hello on ping send email "x"
            """);
        Assert.NotEqual(Key(project, user1, trigger1), Key(project, user2, trigger2));
    }

    private static string Key(RuleProject project, string user, string trigger)
    {
        var state = new MemoryState(project.Evaluators.NewUser, project.Rules);
        var engine = new DecisionEngine(project.Rules, project.Evaluators, state, project.Renderer);
        state.Profile(user).User.Email = "a@example.com";
        var e = project.Evaluators.NewEvent("ping")!;
        e.Id = trigger;
        e.UserId = user;
        e.Time = Time;
        engine.Ingest(e, order: 1);
        var pending = state.NextDue!;
        return engine.Fire(pending, pending.Due).Message!.Value.IdempotencyKey;
    }
}
