using TriggerLang.Compiler.Semantics;
using TriggerLang.Engine.Rendering;
using TriggerLang.Evaluation;
using static TriggerLang.Engine.Tests.Rendering.DirectSubsetProject;

namespace TriggerLang.Engine.Tests.Rendering;

/// <summary>The limits of LANGUAGE.md §11 hold on the direct path, with the words of the Scriban path.</summary>
public class DirectLimitTests
{
    private static readonly EventRecord Order = Project.Event("order_placed", """{"order_id":"o1","total":150.50,"items":2}""");

    private static RenderResult Render(string template, IReadOnlyList<EventRecord> events, RenderLimits limits, bool directly = true)
    {
        var send = Digest.Sends[0] with { Fields = [new BoundTemplate("body", template, null)] };
        var scope = new RenderScope(Project.User("u1"), events[0], events, null);
        return new MessageRenderer(Project.Model, limits, directly).Render(Digest, send, scope);
    }

    [Fact]
    public void A_digest_loop_over_more_events_than_the_limit_fails_with_the_loop_limit()
    {
        var events = Enumerable.Repeat(Order, 10_001).ToArray();

        var result = Render("{% for e in events %}{% endfor %}", events, RenderLimits.Default);

        Assert.Equal("template of field `body` went past 10,000 loop iterations", result.Failure);
        Assert.Equal(result.Failure, Render("{% for e in events %}{% endfor %}", events, RenderLimits.Default, directly: false).Failure);
    }

    [Fact]
    public void Loops_count_together_across_the_template_and_at_the_limit_still_render()
    {
        var limits = RenderLimits.Default with { MaxLoopIterations = 4 };
        var two = new[] { Order, Order };

        Assert.True(Render("{% for e in events %}{% endfor %}{% for e in events %}{% endfor %}", two, limits).Succeeded);
        Assert.Equal("template of field `body` went past 4 loop iterations",
            Render("{% for e in events %}{% for f in events %}{% endfor %}{% endfor %}", two, limits).Failure);
    }

    [Fact]
    public void Output_past_the_limit_fails_and_output_at_the_limit_renders()
    {
        var limits = RenderLimits.Default with { MaxOutputChars = 10 };

        Assert.Equal("o1o1o1o1o1", Assert.Single(Render("{% for e in events %}{{ e.order_id }}{% endfor %}", Enumerable.Repeat(Order, 5).ToArray(), limits).Fields).Value);
        Assert.Equal("template of field `body` went past 10 characters of output",
            Render("{% for e in events %}{{ e.order_id }}{% endfor %}", Enumerable.Repeat(Order, 6).ToArray(), limits).Failure);
        Assert.Equal("template of field `body` went past 10 characters of output", Render("0123456789{{ count }}", [Order], limits).Failure);
    }

    [Fact]
    public void A_template_past_its_deadline_fails_with_the_deadline() =>
        Assert.Equal("template of field `body` took longer than 0 s to render",
            Render("{{ count }}", [Order], RenderLimits.Default with { Deadline = TimeSpan.Zero }).Failure);

    [Fact]
    public void A_long_render_past_a_short_deadline_fails_with_the_deadline()
    {
        // The clock is read every 16th step: a loop of thousands of steps passes a deadline of one tick (100 ns) long
        // before its end, on either path.
        var limits = RenderLimits.Default with { Deadline = TimeSpan.FromTicks(1) };
        var events = Enumerable.Repeat(Order, 5_000).ToArray();
        const string Loop = "{% for e in events %}{{ e.order_id }}{% endfor %}";
        const string Failure = "template of field `body` took longer than 0.0000001 s to render";

        Assert.Equal(Failure, Render(Loop, events, limits).Failure);
        Assert.Equal(Failure, Render(Loop, events, limits, directly: false).Failure);
    }

    [Fact]
    public void Arithmetic_that_overflows_fails_as_scriban_words_it()
    {
        var huge = Project.Event("order_placed", """{"order_id":"o1","total":79228162514264337593543950335,"items":2}""");

        var result = Render("{{ event.total | plus: 1 }}", [huge], RenderLimits.Default);

        Assert.Equal("template of field `body` failed: <input>(1,18) : error : Value was either too large or too small for a Decimal.", result.Failure);
        Assert.Equal(result.Failure, Render("{{ event.total | plus: 1 }}", [huge], RenderLimits.Default, directly: false).Failure);
    }
}
