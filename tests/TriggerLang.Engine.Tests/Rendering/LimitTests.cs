using System.Diagnostics;
using TriggerLang.Engine.Rendering;
using static TriggerLang.Engine.Tests.Rendering.RenderingProject;

namespace TriggerLang.Engine.Tests.Rendering;

/// <summary>A template past its limits fails its own message, with the field and the limit in the reason (LANGUAGE.md §11).</summary>
public class LimitTests
{
    private static readonly RenderLimits Tiny = new(MaxLoopIterations: 5, MaxOutputChars: 20, Deadline: TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData("{% for i in (1..6) %}{% endfor %}")]
    [InlineData("{% for i in (1..3) %}{% for j in (1..3) %}{% endfor %}{% endfor %}")]
    [InlineData("{% for i in (1..1000000) %}x{% endfor %}")]
    [InlineData("{% for i in (1..3) %}{% endfor %}{% for i in (1..3) %}{% endfor %}")]
    [InlineData("{% for i in (1..5) %}{% endfor %}{% for e in event.tags %}{% endfor %}")]
    public void Loops_past_the_limit_fail_the_message(string template)
    {
        var result = Render(template, Scope("""{"cart_id":"c","total":1,"items":1,"tags":["a"]}"""), Tiny);

        Assert.Equal("template of field `body` went past 5 loop iterations", result.Failure);
        Assert.Empty(result.Fields);
    }

    [Fact]
    public void Loops_within_the_limit_render() =>
        Assert.True(Render("{% for i in (1..5) %}{% endfor %}", limits: Tiny).Succeeded);

    [Fact]
    public void A_million_iterations_fail_fast_with_the_default_limits()
    {
        var scope = Scope(); // compiles the project first, outside the clock
        var clock = Stopwatch.StartNew();

        var result = Render("{% for i in (1..1000) %}{% for j in (1..1000) %}x{% endfor %}{% endfor %}", scope);

        Assert.Equal("template of field `body` went past 10,000 loop iterations", result.Failure);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("{% for i in (1..3) %}0123456789{% endfor %}")]
    [InlineData("012345678901234567890")]
    [InlineData("{% capture x %}{% for i in (1..5) %}0123456789{% endfor %}{% endcapture %}")]
    public void Output_past_the_limit_fails_the_message(string template) =>
        Assert.Equal("template of field `body` went past 20 characters of output", Render(template, limits: Tiny).Failure);

    [Fact]
    public void Output_at_the_limit_renders() =>
        Assert.True(Render("01234567890123456789", limits: Tiny).Succeeded);

    [Fact]
    public void A_template_past_its_deadline_fails_the_message() =>
        Assert.Equal("template of field `body` took longer than 0 s to render",
            Render("{% for i in (1..3) %}x{% endfor %}", limits: Tiny with { Deadline = TimeSpan.Zero }).Failure);

    [Fact]
    public void A_template_that_errors_while_rendering_fails_with_the_error()
    {
        var result = Render("before {% include 'other' %}");

        Assert.StartsWith("template of field `body` failed: ", result.Failure);
        Assert.Contains("include", result.Failure);
    }

    [Fact]
    public void A_template_that_does_not_parse_fails_instead_of_throwing() =>
        Assert.StartsWith("template of field `body` does not parse: ", Render("{% for x in %}").Failure);
}
