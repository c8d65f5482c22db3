using TriggerLang.Engine.Decision;
using TriggerLang.Engine.Records;
using TriggerLang.Engine.Simulation;

namespace TriggerLang.Engine.Tests.Decision;

/// <summary>Behaviour that test blocks cannot express: goals, the message_sent chain limit, explanations, --until.</summary>
public sealed class EngineTests
{
    [Fact]
    public void A_goal_event_within_the_period_converts_the_latest_matching_send_once()
    {
        var result = Run("""
            event cart_abandoned { cart_id: string }
            event purchase { cart_id: string }
            rule recover on cart_abandoned goal purchase where cart_id == event.cart_id within 2d send email "Come back"
            test "t" {
              user u1 { email: "a@example.com" }
              at 2026-12-01T10:00Z event cart_abandoned for u1 { cart_id: "c1" }
              at 2026-12-01T11:00Z event cart_abandoned for u1 { cart_id: "c2" }
              at 2026-12-02T09:00Z event purchase for u1 { cart_id: "c1" }
              at 2026-12-02T10:00Z event purchase for u1 { cart_id: "c1" }
              at 2026-12-04T09:00Z event purchase for u1 { cart_id: "c2" }
            }
            """);
        var conversion = Assert.Single(result.Conversions);
        Assert.Equal(("recover", "u1", "e1", "e3"), (conversion.Rule, conversion.User, conversion.Trigger, conversion.Event));
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T10:00Z"), conversion.SentAt);
    }

    [Fact]
    public void A_message_sent_chain_at_one_instant_stops_after_16_links_with_a_warning()
    {
        var result = Run("""
            event start { }
            rule ping on start send email "go"
            rule a on message_sent where rule == "ping" or rule == "b" send email "a"
            rule b on message_sent where rule == "a" send email "b"
            test "t" {
              user u1 { email: "a@example.com" }
              at 2026-12-01T10:00Z event start for u1
            }
            """);
        Assert.Equal(MessageSentEventsLimit, result.Outcomes.Count(o => o.Status == OutcomeStatus.Sent));
        Assert.Contains(result.Warnings, w => w.Contains("chain of 16 messages"));
    }

    [Fact]
    public void Outcomes_of_one_instant_are_ordered_by_rule_name_then_user_whatever_the_declaration_order()
    {
        // §8 sorts by time, rule, user: ordinal, so "Beta" comes before "alpha", and "u10" before "u2".
        var project = """
            event start { }
            rule zeta on start send email "z"
            rule alpha on start send email "a"
            rule Beta on start send email "b"
            test "t" {
              user u2 { email: "b@example.com" }
              user u10 { email: "c@example.com" }
              at 2026-12-01T10:00Z event start for u2
              at 2026-12-01T10:00Z event start for u10
            }
            """;
        (string, string)[] expected = [("Beta", "u10"), ("Beta", "u2"), ("alpha", "u10"), ("alpha", "u2"), ("zeta", "u10"), ("zeta", "u2")];
        Assert.Equal(expected, Run(project).Outcomes.Select(o => (o.Rule, o.User)));
        // Emitted as the run goes, too.
        using var compiled = RuleProjects.FromText(project);
        var emitted = new List<Outcome>();
        compiled.CreateSimulator().Run(TestInputs.Of(compiled.Compilation.Model.Tests[0], compiled.Evaluators), emit: emitted.Add);
        Assert.Equal(expected, emitted.Select(o => (o.Rule, o.User)));
    }

    [Fact]
    public void Outcomes_of_one_instant_are_ordered_by_the_whole_user_id_then_by_decision()
    {
        // Ordinal order of the whole id, whatever the ids share ("u123", "u1234", "u12340") and wherever their
        // characters stand in UTF-16 ("가" is past U+7FFF); then one rule's outcomes for one user at one instant in
        // the order they were decided (e2 before e1, as the input has them).
        using var project = RuleProjects.FromText("""
            event start { }
            rule zeta on start send email "z"
            rule alpha on start send email "a"
            """);
        var parser = new RecordParser(project.Evaluators, project.Compilation.Model.Schema);
        string[] users = ["가", "u2", "u12340", "u1234", "u123", "u10"];
        var lines = users.Select((user, i) => $$"""{"type":"event","id":"e{{i + 3}}","name":"start","user":"{{user}}","time":"2026-12-01T10:00:00Z"}""")
            .Prepend("""{"type":"event","id":"e1","name":"start","user":"u2","time":"2026-12-01T10:00:00Z"}""")
            .Prepend("""{"type":"event","id":"e2","name":"start","user":"u2","time":"2026-12-01T10:00:00Z"}""");
        var records = JsonLinesReader.Read(new StringReader(string.Join('\n', lines)), "input.jsonl", parser).Select(r => r.Record!).ToList();

        var outcomes = project.CreateSimulator().Run(records).Outcomes;

        string[] ordered = ["u10", "u123", "u1234", "u12340", "u2", "u2", "u2", "가"];
        Assert.Equal([.. ordered.Select(u => ("alpha", u)), .. ordered.Select(u => ("zeta", u))], outcomes.Select(o => (o.Rule, o.User)));
        Assert.Equal(["e2", "e1", "e4"], outcomes.Where(o => o.Rule == "alpha" && o.User == "u2").Select(o => o.Trigger));
    }

    /// <summary>ping sends on each start; echo sends on every message_sent but its own.</summary>
    private const string PingAndEcho = """
        event start { }
        rule echo on message_sent send email "echo"
        rule ping on start send email "go"

        """;

    /// <summary><see cref="PingAndEcho"/> with <paramref name="starts"/> starts for u1, all at 2026-12-01T10:00Z.</summary>
    private static SimulationResult PingAndEchoAfterStarts(int starts) => Run(PingAndEcho + $$"""
        test "t" {
          user u1 { email: "a@example.com" }
        {{string.Concat(Enumerable.Repeat("  at 2026-12-01T10:00Z event start for u1\n", starts))}}}
        """);

    [Fact]
    public void A_rule_never_triggers_on_its_own_message_sent()
    {
        var result = PingAndEchoAfterStarts(1);
        Assert.Equal(["ping", "echo"], result.Outcomes.Select(o => o.Rule).Order().Reverse());
        Assert.Equal("message_sent:ping:u1:20261201T100000Z", result.Outcomes.Single(o => o.Rule == "echo").Trigger);
    }

    [Fact]
    public void Repeated_sends_at_one_instant_have_numbered_message_sent_ids()
    {
        // Two starts at one instant: ping goes out twice to u1, so echo sees message_sent:ping:u1:T, then T:2. The ids
        // are made only when read (EventRecord.DeferId); each keeps the number of its own send.
        var result = PingAndEchoAfterStarts(2);
        Assert.Equal(
            ["message_sent:ping:u1:20261201T100000Z", "message_sent:ping:u1:20261201T100000Z:2"],
            result.Outcomes.Where(o => o.Rule == "echo").Select(o => o.Trigger).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sends_whose_message_sent_no_rule_can_see_change_nothing_seen()
    {
        // echo sees ping's message_sent only, so quiet's are never made (RuleBook.RaisesMessageSent): echo still answers
        // each ping with its own numbered id, and nothing answers quiet.
        var result = Run("""
            event start { }
            rule echo on message_sent where rule == "ping" send email "echo"
            rule ping on start send email "go"
            rule quiet on start send email "shh"
            test "t" {
              user u1 { email: "a@example.com" }
              at 2026-12-01T10:00Z event start for u1
              at 2026-12-01T10:00Z event start for u1
            }
            """);
        Assert.Equal(["echo", "echo", "ping", "ping", "quiet", "quiet"], result.Outcomes.Select(o => o.Rule));
        Assert.Equal(
            ["message_sent:ping:u1:20261201T100000Z", "message_sent:ping:u1:20261201T100000Z:2"],
            result.Outcomes.Where(o => o.Rule == "echo").Select(o => o.Trigger).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_send_has_a_message_sent_event_of_its_own()
    {
        // Both nudges wait while the second welcome goes out: each keeps its own trigger, user and fields.
        var result = Run("""
            event signup { }
            rule welcome on signup send email "Welcome"
            rule nudge on message_sent where rule == "welcome" and channel == "email" delay 1d send email "Still there?"
            test "t" {
              user u1 { email: "a@example.com" }
              user u2 { email: "b@example.com" }
              at 2026-12-01T10:00Z event signup for u1
              at 2026-12-01T11:00Z event signup for u2
            }
            """);
        var nudges = result.Outcomes.Where(o => o.Rule == "nudge").Select(o => (o.User, o.Trigger, o.Time.UtcDateTime.Hour));
        Assert.Equal([("u1", "message_sent:welcome:u1:20261201T100000Z", 10), ("u2", "message_sent:welcome:u2:20261201T110000Z", 11)], nudges);
    }

    [Fact]
    public void A_message_sent_names_the_channel_its_message_went_through()
    {
        // u1 has an email address, u2 only a push token: welcome reaches u2 through its `else send push`.
        var result = Run("""
            event signup { }
            rule welcome on signup send email "Welcome" else send push "Welcome"
            rule after_email on message_sent where rule == "welcome" and channel == "email" send push "e"
            rule after_push on message_sent where rule == "welcome" and channel == "push" send push "p"
            test "t" {
              user u1 { email: "a@example.com", push_token: "t1" }
              user u2 { push_token: "t2" }
              at 2026-12-01T10:00Z event signup for u1
              at 2026-12-01T10:00Z event signup for u2
              at 2026-12-01T11:00Z event signup for u1
            }
            """);
        Assert.Equal([("after_email", "u1"), ("after_email", "u1"), ("after_push", "u2")],
            result.Outcomes.Where(o => o.Rule.StartsWith("after_")).Select(o => (o.Rule, o.User)).Order());
    }

    [Fact]
    public void Outcomes_explain_each_decision()
    {
        var result = Run("""
            event cart_abandoned { total: money }
            event purchase { }
            rule recover on cart_abandoned delay 30m unless purchase window 09:00-21:00 utc send email "x"
            test "t" {
              user u1 { email: "a@example.com" }
              at 2026-12-01T20:50Z event cart_abandoned for u1 { total: 5 }
              at 2026-12-02T08:00Z event purchase for u1
            }
            """);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal((OutcomeStatus.Suppressed, OutcomeReason.Exception), (outcome.Status, outcome.Reason));
        Assert.Equal(
            [
                "2026-12-01T20:50:00Z cart_abandoned e1 for u1 triggered recover for u1",
                "delay 30m: due 2026-12-01T21:20:00Z",
                "window 09:00-21:00 utc: 2026-12-01T21:20:00Z is outside, deferred to 2026-12-02T09:00:00Z",
                "exception: purchase e2 at 2026-12-02T08:00:00Z",
            ],
            outcome.Explanation.ToArray());
    }

    [Fact]
    public void Caps_limits_fallbacks_and_unreachable_recipients_are_explained()
    {
        var result = Run("""
            event ping { }
            limits { cap push 1/day }
            rule capped on ping cap 1/day send email "a"
            rule limited on ping send push "b"
            rule fallback on ping send sms "c" else send email "d"
            rule nobody on ping send sms "e"
            test "t" {
              user u1 { email: "a@example.com", push_token: "t1" }
              at 2026-12-01T10:00Z event ping for u1
              at 2026-12-01T11:00Z event ping for u1
            }
            """);
        string Last(string rule, int hour) =>
            result.Outcomes.Single(o => o.Rule == rule && o.Time.Hour == hour).Explanation[^1];

        Assert.Equal("delivered through email", Last("fallback", 10));
        Assert.Equal("channel email (fallback: no phone for sms)", result.Outcomes.First(o => o.Rule == "fallback").Explanation[^2]);
        Assert.Equal("u1 cannot be reached: no phone for sms", Last("nobody", 10));
        Assert.Equal("cap 1/1d: u1 already got 1 in the last 1d", Last("capped", 11));
        Assert.Equal("limits: cap 1/1d on push reached for u1", Last("limited", 11));
    }

    [Fact]
    public void Until_leaves_later_work_pending()
    {
        using var project = RuleProjects.FromText("""
            event ping { }
            rule later on ping delay 1d send email "x"
            test "t" {
              user u1 { email: "a@example.com" }
              at 2026-12-01T10:00Z event ping for u1
              at 2026-12-03T10:00Z event ping for u1
            }
            """);
        var records = TestInputs.Of(project.Compilation.Model.Tests[0], project.Evaluators);
        var result = project.CreateSimulator().Run(records, until: DateTimeOffset.Parse("2026-12-02T12:00Z"));
        Assert.Single(result.Outcomes);
        Assert.Equal(0, result.PendingLeft); // the second ping is after --until: not read at all
        var partial = project.CreateSimulator().Run(records, until: DateTimeOffset.Parse("2026-12-01T12:00Z"));
        Assert.Empty(partial.Outcomes);
        Assert.Equal(1, partial.PendingLeft);
    }

    private const int MessageSentEventsLimit = 16;

    /// <summary>Runs the first test block of the project's text as a simulation, without checking expectations.</summary>
    private static SimulationResult Run(string text)
    {
        using var project = RuleProjects.FromText(text);
        return project.CreateSimulator(explain: true).Run(TestInputs.Of(project.Compilation.Model.Tests[0], project.Evaluators));
    }
}
