using System.Runtime.CompilerServices;
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
        event refund { }
        limits { cap 5/week }
        rule a on cart_abandoned unless purchase within 24h cap 2/day send email "a"
        rule b on cart_abandoned unless purchase within 3d unless page_viewed reeligible after 10d send email "b"
        rule c on cart_abandoned goal purchase within 14d send email "c"
        rule d on cart_abandoned unless refund within 30d priority transactional cap 1/day send email "d"
        """;

    [Fact]
    public void Events_are_remembered_only_for_within_look_backs_each_name_as_long_as_its_longest()
    {
        using var project = RuleProjects.FromText(Rules);
        var book = project.Rules;

        Assert.True(book.Remembers("purchase"));
        Assert.True(book.Remembers("refund"));
        Assert.False(book.Remembers("page_viewed")); // plain unless: kept with the pending send, not in history
        Assert.False(book.Remembers("cart_abandoned"));
        Assert.Equal(TimeSpan.FromDays(3), book.EventRetentionOf("purchase")); // max of 24h and 3d
        Assert.Equal(TimeSpan.FromDays(30), book.EventRetentionOf("refund"));
        Assert.Equal(TimeSpan.Zero, book.EventRetentionOf("page_viewed"));
        Assert.Equal(TimeSpan.FromDays(30), book.EventRetention);
        Assert.Equal([(1, 1)], book.CancelledBy("page_viewed"));
        Assert.Equal([2], book.GoalsOn("purchase"));
    }

    [Fact]
    public void A_rules_sends_are_remembered_as_long_as_the_longest_period_that_counts_them()
    {
        using var project = RuleProjects.FromText(Rules);
        var book = project.Rules;

        Assert.Equal(TimeSpan.FromDays(7), book.SendRetentionOf(0)); // cap 1d, the limits 7d
        Assert.Equal(TimeSpan.FromDays(7), book.SendRetentionOf(1)); // the limits; `reeligible after` reads the last send, kept apart
        Assert.Equal(TimeSpan.FromDays(14), book.SendRetentionOf(2)); // the goal
        Assert.Equal(TimeSpan.FromDays(1), book.SendRetentionOf(3)); // transactional: its own cap only, the limits do not count it
        Assert.Equal(TimeSpan.FromDays(14), book.SendRetention);
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

        // The send made for each rule holds the event or only its id, and gives both the same way; its time is the
        // same instant, in UTC.
        var trigger = project.Evaluators.NewEvent("cart_abandoned")!;
        (trigger.Id, trigger.UserId, trigger.Time) = ("e1", "u1", DateTimeOffset.Parse("2026-12-01T10:00:00+02:00"));
        var sends = Enumerable.Range(0, 5).Select(rule => SentMessage.Of(project.Rules, rule, "email", trigger.Time, false, trigger)).ToArray();
        Assert.Equal([null, null, null, trigger, trigger], sends.Select(s => s.Trigger));
        Assert.All(sends, s => Assert.Equal(("e1", trigger.Time, TimeSpan.Zero), (s.TriggerId, s.Time, s.Time.Offset)));
        // Users keep a week of these in place and every cap walks them: it stays at 32 bytes (it was 64).
        Assert.Equal(32, Unsafe.SizeOf<SentMessage>());
    }

    [Theory]
    // Each where requires one rule's name (either way round, beside other conditions): only that rule's are seen.
    [InlineData("rule n on message_sent where rule == \"a\" send push \"n\"", "a")]
    [InlineData("rule n on message_sent where channel == \"email\" and \"b\" == rule send push \"n\"", "b")]
    [InlineData("rule n on message_sent as sent where sent.rule == \"c\" send push \"n\"", "c")]
    [InlineData("rule n on message_sent where rule == \"a\" delay 1h send push \"n\"\nrule m on message_sent where rule == \"n\" send push \"m\"", "a n")]
    // Nothing can see them.
    [InlineData("", "")]
    [InlineData("rule n on message_sent where rule == \"nobody\" send push \"n\"", "")]
    // A where that allows more than one name, or none at all; an unless or a goal on message_sent: all are seen.
    [InlineData("rule n on message_sent where rule == \"a\" or rule == \"b\" send push \"n\"", "a b c n")]
    [InlineData("rule n on message_sent where not (rule != \"a\") send push \"n\"", "a b c n")]
    [InlineData("rule n on message_sent send push \"n\"", "a b c n")]
    [InlineData("rule n on cart_abandoned unless message_sent where rule == \"a\" send push \"n\"", "a b c n")]
    [InlineData("rule n on cart_abandoned unless message_sent within 1d send push \"n\"", "a b c n")]
    [InlineData("rule n on cart_abandoned goal message_sent within 1d send push \"n\"", "a b c n")]
    public void Only_sends_whose_message_sent_some_rule_can_see_raise_it(string more, string seen)
    {
        using var project = RuleProjects.FromText($$"""
            event cart_abandoned { cart_id: string }
            rule a on cart_abandoned send email "a"
            rule b on cart_abandoned send email "b"
            rule c on cart_abandoned send email "c"
            {{more}}
            """);
        var book = project.Rules;

        Assert.Equal(seen, string.Join(' ', book.Rules.Select((rule, r) => (rule.Name, r)).Where(x => book.RaisesMessageSent(x.r)).Select(x => x.Name)));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("where total > 10 and cart_id != \"c1\"", false)]
    [InlineData("where abs(total - 5) > 10 or cart_id in [\"c1\", \"c2\"]", false)]
    [InlineData("where user.tier == \"gold\"", true)]
    [InlineData("where actor != user", true)]
    [InlineData("where total > 10 and lower(coalesce(user.tier, \"\")) == \"gold\"", true)]
    public void A_where_is_asked_once_per_trigger_unless_it_reads_the_recipient(string where, bool readsRecipient)
    {
        using var project = RuleProjects.FromText($$"""
            event cart_abandoned { cart_id: string, total: money, actor: user }
            user { tier: string? }
            rule a on cart_abandoned {{where}} send email "a"
            """);

        Assert.Equal(readsRecipient, project.Rules.WhereReadsRecipient(0));
    }

    [Fact]
    public void The_memory_state_forgets_each_event_and_send_after_its_own_retention()
    {
        using var project = RuleProjects.FromText(Rules);
        var (state, engine) = InMemory(project);
        for (var day = 0; day < 30; day++)
        {
            engine.Ingest(Event(project.Evaluators, "purchase", $"p{day}", Start.AddDays(day)), 2 * day);
            engine.Ingest(Event(project.Evaluators, "refund", $"r{day}", Start.AddDays(day)), 2 * day + 1);
            for (var rule = 0; rule < 4; rule++)
            {
                var trigger = Event(project.Evaluators, "page_viewed", $"v{day}", Start.AddDays(day));
                state.RecordSend("u1", new SentMessage(rule, "email", Start.AddDays(day), rule == 3, trigger.Id), trigger);
            }
        }

        // Day 29 at noon: purchases 3 days back (from day 26 at noon), refunds 30, sends 7 days (a, b), 14 (c) or 1 (d).
        engine.Forget(Start.AddDays(29.5));

        Assert.Equal(["p27", "p28", "p29"], state.History("u1", "purchase").ToArray().Select(e => e.Id));
        Assert.Equal(Enumerable.Range(0, 30).Select(day => $"r{day}"), state.History("u1", "refund").ToArray().Select(e => e.Id));
        int[] SentDays(int rule) => [.. state.Sends("u1").ToArray().Where(s => s.Rule == rule).Select(s => (s.Time - Start).Days)];
        Assert.Equal(Enumerable.Range(23, 7), SentDays(0));
        Assert.Equal(Enumerable.Range(23, 7), SentDays(1));
        Assert.Equal(Enumerable.Range(16, 14), SentDays(2));
        Assert.Equal([29], SentDays(3));
        Assert.Equal(state.Sends("u1").ToArray().OrderBy(s => s.Time), state.Sends("u1").ToArray()); // still in time order
        Assert.Equal(Start, state.LastSend(1, "u1") - TimeSpan.FromDays(29)); // kept apart, forever, for `reeligible after`
        Assert.Null(state.LastSend(0, "u1")); // a reads no last send
    }

    [Fact]
    public void Forgetting_every_hour_keeps_every_send_still_needed_and_sweeps_only_when_the_list_is_full_or_half_expired()
    {
        // Rule d's sends are kept for a day (its cap 1/day; transactional, so no limits): at hour h, those of hours
        // h-24..h (a send exactly a day old is kept, the next pass drops it). One send an hour, forgotten every hour for
        // ten days. The list grows to 32 (capacities 4, 8, 16, 32) in the first day and a half; from then on, a send that
        // finds it full first drops the sends the last pass found expired, instead of growing it: at hour 32 (hours
        // 0..6), then every 7 hours (32, 39, …, 235), 30 sweeps in all, where sweeping at every pass with an expired send
        // made 215. The passes never find half the list expired (at most 7 of 32), so they sweep nothing themselves.
        using var project = RuleProjects.FromText(Rules);
        var (state, engine) = InMemory(project);
        var sweeps = 0;
        var longest = 0;
        for (var hour = 0; hour < 240; hour++)
        {
            var now = Start.AddHours(hour);
            var trigger = Event(project.Evaluators, "purchase", $"p{hour}", now);
            var before = state.Sends("u1").Length;
            state.RecordSend("u1", new SentMessage(3, "email", now, true, trigger.Id), trigger);
            sweeps += state.Sends("u1").Length < before + 1 ? 1 : 0;
            before = state.Sends("u1").Length;
            engine.Forget(now);
            var sends = state.Sends("u1").ToArray();
            sweeps += sends.Length < before ? 1 : 0;
            longest = Math.Max(longest, sends.Length);

            var kept = sends.Where(s => s.Time >= now - TimeSpan.FromDays(1)).Select(s => s.TriggerId).ToList();
            Assert.Equal(Enumerable.Range(Math.Max(0, hour - 24), Math.Min(hour + 1, 25)).Select(h => $"p{h}"), kept);
            Assert.True(sends.Length <= 2 * kept.Count, $"hour {hour}: {sends.Length} sends kept for {kept.Count} needed");
            Assert.Equal(sends.OrderBy(s => s.Time), sends);
        }
        Assert.Equal(30, sweeps);
        Assert.Equal(32, longest);

        // No more sends: the passes alone drop them all once they expire (half the list first, then the rest).
        for (var hour = 240; hour < 240 + 48; hour++)
        {
            engine.Forget(Start.AddHours(hour));
        }
        Assert.Empty(state.Sends("u1").ToArray());
    }

    [Fact]
    public void A_forgotten_send_no_longer_holds_its_trigger()
    {
        // A rule whose goal reads the trigger keeps the event with each send (SendKeepsTrigger); once the send is
        // forgotten, the event must be free to go, or a long run would hold every such trigger it ever saw.
        using var project = RuleProjects.FromText("""
            event cart_abandoned { cart_id: string }
            event purchase { cart_id: string }
            rule recover on cart_abandoned goal purchase where cart_id == event.cart_id within 2d send email "b"
            """);
        var (state, engine) = InMemory(project);
        var triggers = RecordDailySends(project, state, days: 10);

        // Day 9 at noon: the goal looks back 2 days, so the sends of days 0–7 are forgotten, those of days 8 and 9 kept.
        engine.Forget(Start.AddDays(9.5));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal([8, 9], state.Sends("u1").ToArray().Select(s => (s.Time - Start).Days));
        Assert.Equal(Enumerable.Range(0, 10).Select(day => day >= 8), triggers.Select(t => t.IsAlive));
    }

    // Apart, so that no local of the test holds an event.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference[] RecordDailySends(RuleProject project, MemoryState state, int days)
    {
        var triggers = new WeakReference[days];
        for (var day = 0; day < days; day++)
        {
            var trigger = project.Evaluators.NewEvent("cart_abandoned")!;
            (trigger.Id, trigger.UserId, trigger.Time) = ($"e{day}", "u1", Start.AddDays(day));
            trigger.ReadProperties(System.Text.Json.JsonDocument.Parse($$"""{"cart_id":"c{{day}}"}""").RootElement);
            state.RecordSend("u1", SentMessage.Of(project.Rules, 0, "email", trigger.Time, false, trigger), trigger);
            triggers[day] = new WeakReference(trigger);
        }
        return triggers;
    }

    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-12-01T00:00Z");

    private static (MemoryState State, DecisionEngine Engine) InMemory(RuleProject project)
    {
        var state = new MemoryState(project.Evaluators.NewUser, project.Rules);
        return (state, new DecisionEngine(project.Rules, project.Evaluators, state, project.Renderer));
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
