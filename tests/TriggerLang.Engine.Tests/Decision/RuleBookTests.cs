using TriggerLang.Engine.Decision;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Tests.Decision;

/// <summary>The engine remembers only what the rules need, for as long as they need it.</summary>
public sealed class RuleBookTests
{
    private const string Rules = """
        event cart_abandoned { cart_id: string }
        event purchase { }
        event page_viewed { }
        limits { cap 5/week }
        rule a on cart_abandoned unless purchase within 24h cap 2/day send email "a"
        rule b on cart_abandoned unless purchase within 3d unless page_viewed reeligible after 10d send email "b"
        rule c on cart_abandoned goal purchase within 7d send email "c"
        """;

    [Fact]
    public void Events_are_remembered_only_for_within_look_backs_and_only_as_long_as_the_longest()
    {
        using var project = RuleProjects.FromText(Rules);
        var book = project.Rules;

        Assert.True(book.Remembers("purchase"));
        Assert.False(book.Remembers("page_viewed")); // plain unless: kept with the pending send, not in history
        Assert.False(book.Remembers("cart_abandoned"));
        Assert.Equal(TimeSpan.FromDays(3), book.EventRetention);
        Assert.Equal(TimeSpan.FromDays(10), book.SendRetention); // max of caps 1d, limits 7d, reeligible 10d, goal 7d
        Assert.Equal([(1, 1)], book.CancelledBy("page_viewed"));
        Assert.Equal([2], book.GoalsOn("purchase"));
    }

    [Fact]
    public void A_send_keeps_its_trigger_only_when_its_goal_where_reads_it()
    {
        using var project = RuleProjects.FromText("""
            event cart_abandoned { cart_id: string }
            event purchase { cart_id: string }
            rule plain on cart_abandoned send email "a"
            rule goal on cart_abandoned goal purchase within 2d send email "b"
            rule candidate on cart_abandoned goal purchase where cart_id == "c1" within 2d send email "c"
            rule trigger on cart_abandoned goal purchase where cart_id == event.cart_id within 2d send email "d"
            rule nested on cart_abandoned goal purchase where not (cart_id in [event.cart_id, "x"]) within 2d send email "e"
            """);

        Assert.Equal([false, false, false, true, true], Enumerable.Range(0, 5).Select(project.Rules.SendKeepsTrigger));
    }

    [Fact]
    public void The_memory_state_forgets_events_and_sends_older_than_their_retention()
    {
        using var project = RuleProjects.FromText(Rules);
        var state = new MemoryState(project.Evaluators.NewUser);
        var engine = new DecisionEngine(project.Rules, project.Evaluators, state, project.Renderer);
        var start = DateTimeOffset.Parse("2026-12-01T00:00Z");
        for (var day = 0; day < 30; day++)
        {
            engine.Ingest(Event(project.Evaluators, "purchase", $"p{day}", start.AddDays(day)), day);
        }
        var trigger = Event(project.Evaluators, "purchase", "x", start);
        state.RecordSend(new SentMessage(0, "u1", "email", start, false, trigger.Id, null), trigger);

        engine.Forget(start.AddDays(29));

        Assert.Equal(["p26", "p27", "p28", "p29"], state.History("u1", "purchase").Select(e => e.Id));
        Assert.Empty(state.Sends("u1"));
        Assert.Equal(start, state.LastSend(0, "u1")); // kept forever: `once`
    }

    private static EventRecord Event(IRuleEvaluators evaluators, string name, string id, DateTimeOffset time)
    {
        var e = evaluators.NewEvent(name)!;
        e.Id = id;
        e.UserId = "u1";
        e.Time = time;
        e.ReadProperties(System.Text.Json.JsonDocument.Parse("{}").RootElement);
        return e;
    }
}
