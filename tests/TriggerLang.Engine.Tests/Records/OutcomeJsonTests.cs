using System.Collections.Immutable;
using TriggerLang.Engine.Decision;
using TriggerLang.Engine.Records;

namespace TriggerLang.Engine.Tests.Records;

/// <summary>Outcome lines, byte for byte (LANGUAGE.md §8).</summary>
public class OutcomeJsonTests
{
    private static readonly Outcome Sent = new(
        new DateTimeOffset(2026, 12, 1, 16, 30, 0, TimeSpan.FromHours(1)), "cart_recovery", "u1", "email", OutcomeStatus.Sent, null, "e1",
        [new("subject", "You left 2 items behind"), new("body", "<p>Hi \"Ada\" — 150.5 € 🍷</p>\n")],
        ["triggered by e1 at 2026-12-01T15:00:00Z", "delay 30m"]);

    private static readonly Outcome Suppressed = new(
        new DateTimeOffset(2026, 12, 1, 15, 30, 0, 500, TimeSpan.Zero), "cart_recovery", "u1", "email", OutcomeStatus.Suppressed,
        OutcomeReason.Exception, "e1", [], ["purchase e2 at 2026-12-01T15:10:00Z"]);

    private static string Write(Outcome outcome, bool explain)
    {
        var output = new StringWriter();
        OutcomeJson.Write(output, outcome, explain);
        return output.ToString();
    }

    [Fact]
    public void A_sent_outcome_has_its_fields_in_order() => Assert.Equal(
        """{"time":"2026-12-01T15:30:00Z","rule":"cart_recovery","user":"u1","channel":"email","status":"sent","trigger":"e1","fields":{"subject":"You left 2 items behind","body":"<p>Hi \"Ada\" — 150.5 € \uD83C\uDF77</p>\n"}}""" + "\n",
        Write(Sent, explain: false));

    [Fact]
    public void An_unsent_outcome_has_a_reason_and_no_fields_and_fractional_seconds_only_when_there_are_some() => Assert.Equal(
        """{"time":"2026-12-01T15:30:00.5Z","rule":"cart_recovery","user":"u1","channel":"email","status":"suppressed","reason":"exception","trigger":"e1"}""" + "\n",
        Write(Suppressed, explain: false));

    [Fact]
    public void Explain_adds_the_steps_last() => Assert.Equal(
        """{"time":"2026-12-01T15:30:00.5Z","rule":"cart_recovery","user":"u1","channel":"email","status":"suppressed","reason":"exception","trigger":"e1","explain":["purchase e2 at 2026-12-01T15:10:00Z"]}""" + "\n",
        Write(Suppressed, explain: true));

    [Fact]
    public void A_failure_detail_follows_the_explanation() => Assert.Equal(
        """{"time":"2026-12-01T15:30:00Z","rule":"r","user":"u1","channel":"push","status":"failed","reason":"render_failed","trigger":"e1","explain":[],"detail":"template of field `body` went past 10,000 loop iterations"}""" + "\n",
        Write(new Outcome(new DateTimeOffset(2026, 12, 1, 15, 30, 0, TimeSpan.Zero), "r", "u1", "push", OutcomeStatus.Failed, OutcomeReason.RenderFailed, "e1",
            [], ImmutableArray<string>.Empty, "template of field `body` went past 10,000 loop iterations"), explain: true));

    [Fact]
    public void Every_reason_has_its_wire_name() => Assert.Equal(
        ["inactive", "exception", "unsubscribed", "no_address", "not_reeligible", "capped", "outside_window", "render_failed", "delivery_failed"],
        Enum.GetValues<OutcomeReason>().Select(OutcomeNames.Of));
}
