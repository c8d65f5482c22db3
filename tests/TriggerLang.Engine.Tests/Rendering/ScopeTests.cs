using TriggerLang.Compiler.Semantics;
using TriggerLang.Engine.Rendering;
using static TriggerLang.Engine.Tests.Rendering.RenderingProject;

namespace TriggerLang.Engine.Tests.Rendering;

/// <summary>What a template sees (LANGUAGE.md §5), and that it sees nothing else.</summary>
public class ScopeTests
{
    [Fact]
    public void The_rules_own_templates_render_in_the_sends_field_order()
    {
        var renderer = new MessageRenderer(Project.Model, RenderLimits.Default);

        var result = renderer.Render(Recovery, Recovery.Sends[0], Scope());

        Assert.Null(result.Failure);
        Assert.Equal(["subject", "body"], result.Fields.Select(f => f.Key));
        Assert.Equal(["2 items, 150.5", "Hi Ada"], result.Fields.Select(f => f.Value));
    }

    [Fact]
    public void The_trigger_is_both_event_and_the_alias() =>
        Assert.Equal("c9 c9", Text("{{ event.cart_id }} {{ cart.cart_id }}"));

    [Fact]
    public void The_rule_has_its_name_and_title() =>
        Assert.Equal("cart_recovery / Cart recovery", Text("{{ rule.name }} / {{ rule.title }}"));

    [Fact]
    public void User_attributes_include_the_built_ins() =>
        Assert.Equal("u1 a@example.com Ada", Text("{{ user.id }} {{ user.email }} {{ user.first_name }}",
            new RenderScope(User("""{"email":"a@example.com","first_name":"Ada"}"""), Scope().Trigger, null, null)));

    [Theory]
    [InlineData("{{ user.first_name | default: \"there\" }}", "there")]
    [InlineData("[{{ user.first_name }}]", "[]")]
    [InlineData("[{{ event.category }}]", "[]")]
    [InlineData("[{{ event.category.deeper.still }}]", "[]")]
    [InlineData("[{{ event.tags.first }}]", "[]")]
    [InlineData("[{{ nobody.knows }}]", "[]")]
    [InlineData("{% if user.first_name %}yes{% else %}no{% endif %}", "no")]
    public void Absent_and_undefined_paths_render_empty(string template, string expected) =>
        Assert.Equal(expected, Text(template, Scope(user: "{}")));

    [Fact]
    public void A_digest_sees_its_events_and_the_total_count()
    {
        var digest = Project.Rule("cart_digest");
        var first = Project.Event("cart_abandoned", """{"cart_id":"c1","total":10.0,"items":1}""", id: "e1");
        var second = Project.Event("cart_abandoned", """{"cart_id":"c2","total":20.5,"items":1}""", id: "e2");
        var renderer = new MessageRenderer(Project.Model, RenderLimits.Default);

        var result = renderer.Render(digest, digest.Sends[0], new RenderScope(User("{}"), first, [first, second], 5));

        Assert.Equal(["5 carts", "c1=10;c2=20.5;"], result.Fields.Select(f => f.Value));
        var scope = new RenderScope(User("{}"), first, [first, second], 5);
        var send = digest.Sends[0] with { Fields = [new BoundTemplate("body", "{{ events.size }} {{ events.first.cart_id }} {{ events.last.cart_id }}", null)] };
        Assert.Equal("2 c1 c2", renderer.Render(digest, send, scope).Fields[0].Value);
    }

    [Fact]
    public void An_assign_in_one_field_does_not_leak_into_the_next()
    {
        var send = Recovery.Sends[0] with
        {
            Fields = [new BoundTemplate("subject", "{% assign user = \"x\" %}{{ user }}", null), new BoundTemplate("body", "{{ user.first_name }}", null)],
        };

        var result = new MessageRenderer(Project.Model, RenderLimits.Default).Render(Recovery, send, Scope());

        Assert.Equal(["x", "Ada"], result.Fields.Select(f => f.Value));
    }

    [Theory]
    [InlineData("{{ user.first_name.Length }}{{ user.first_name.length }}")]
    [InlineData("{{ event.Id }}{{ event.id }}{{ event.UserId }}{{ event.Time }}{{ event.Name }}")]
    [InlineData("{{ user.GetAttribute }}{{ user.Clone }}{{ user.Email }}")]
    [InlineData("{{ event.total.GetType }}{{ event.total.scale }}")]
    public void Templates_cannot_reach_into_the_engines_objects(string template) =>
        Assert.Equal("", Text(template));
}
