using System.Diagnostics;
using static TriggerLang.Engine.Tests.Rendering.RenderingProject;

namespace TriggerLang.Engine.Tests.Rendering;

/// <summary>Templates written to exhaust the renderer fail their own message quickly, with the default limits.</summary>
public class HostileTemplateTests
{
    [Theory]
    [InlineData("{% assign s = 'xxxxxxxxxx' %}{% for i in (1..100) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}")]
    [InlineData("{{ 'x' | times: 1000000000 }}")]
    [InlineData("{% assign s = 'x' | times: 1000000000 %}")]
    [InlineData("{{ (1..100000000) | size }}")]
    [InlineData("{% for i in (1..100000000) %}{% endfor %}")]
    [InlineData("{% assign l = 'a,b,c,d,e,f,g,h,i,j' | split: ',' %}{% for i in (1..20) %}{% assign l = l | concat: l %}{% endfor %}{{ l | size }}")]
    [InlineData("{% capture c %}{% for i in (1..9000) %}{{ i }}{{ i }}{{ i }}{% endfor %}{% endcapture %}{{ c | size }}")]
    [InlineData("{% for a in (1..9999) %}{% if a == 1 %}{% for b in (1..9999) %}{% endfor %}{% endif %}{% endfor %}")]
    [InlineData("{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | replace: 'a', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' | replace: 'a', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' | replace: 'a', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }}")]
    public void Fails_fast_without_throwing(string template)
    {
        var scope = Scope(); // compiles the project first, outside the clock
        var clock = Stopwatch.StartNew();

        var result = Render(template, scope);

        Assert.False(result.Succeeded, "rendered: " + string.Join("", result.Fields.Select(f => f.Value)).Length + " chars");
        Assert.StartsWith("template of field `body` ", result.Failure);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}: {result.Failure}");
    }
}
