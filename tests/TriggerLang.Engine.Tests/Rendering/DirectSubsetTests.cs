using Scriban;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Engine.Rendering;
using TriggerLang.Engine.Rendering.Direct;
using static TriggerLang.Engine.Tests.Rendering.DirectSubsetProject;

namespace TriggerLang.Engine.Tests.Rendering;

/// <summary>
/// Which templates render without Scriban: the simulation benchmark's do (so a refactor cannot quietly turn the direct
/// path off), everything outside the subset still goes through Scriban and renders as it did.
/// </summary>
public class DirectSubsetTests
{
    /// <summary>The benchmark's templates (bench/TriggerLang.Bench/Simulation/SimulationGenerator.cs), on the parts of its schema they read.</summary>
    private static readonly TestProject Benchmark = TestProject.From("""
        event cart_abandoned { cart_id: string, total: money, items: int, category: string? }
        event checkout_started { cart_id: string, total: money }
        event review_posted { actor: user, actor_name: string, review_id: string, product: string, rating: int }
        event review_liked { actor: user, actor_name: string, review_id: string, product: string }
        event review_commented { actor: user, actor_name: string, review_id: string, product: string, comment: string }
        event signup { plan: string, source: string? }
        user { first_name: string?, tier: string? }
        rule cart_recovery "Cart recovery" on cart_abandoned
          send email {
            subject: "{{ user.first_name | default: 'Hi' }}, you left {{ event.items }} items behind"
            body: "Hi {{ user.first_name | default: \"there\" }},\n\nYou left {{ event.items }} items in your cart, ${{ event.total }} in total.\n{% if event.category %}Your picks from {{ event.category }} are still waiting for you.\n{% endif %}\nPick up where you left off: https://shop.example.com/cart/{{ event.cart_id }}\n"
          } else send push {
            title: "Your cart is waiting"
            body: "{{ event.items }} items, ${{ event.total }} in total, are still in your cart."
            url: "https://shop.example.com/cart/{{ event.cart_id }}"
          }
        rule checkout_help on checkout_started as checkout
          send in_app { title: "Need a hand?", body: "Your order of ${{ checkout.total }} is one step away.", url: "https://shop.example.com/checkout/{{ checkout.cart_id }}" }
        rule review_rated on review_posted as review
          send push { title: "{{ review.actor_name }} rated {{ review.product }}", body: "{{ review.rating }}/5 - see what they thought.", url: "https://shop.example.com/reviews/{{ review.review_id }}" }
        rule welcome on signup
          send email { subject: "Welcome, {{ user.first_name | default: 'friend' }}!", body: "Thanks for joining on the {{ event.plan }} plan.{% if event.source %} You found us through {{ event.source }}.{% endif %} {{ user.tier }}" }
        rule daily_likes on review_liked digest daily at 19:00 local max 20
          send in_app {
            title: "{{ count }} new like{% if count != 1 %}s{% endif %} on your reviews"
            body: "{% for e in events %}{{ e.actor_name }} liked your review of {{ e.product }}.\n{% endfor %}{% if count > 20 %}...and others.\n{% endif %}"
          }
        rule weekly_comments on review_commented digest weekly on mon at 09:00 local max 10
          send email {
            subject: "{{ count }} new comment{% if count != 1 %}s{% endif %} from people you follow"
            body: "{% for e in events %}{{ e.actor_name }} on {{ e.product }}: \"{{ e.comment }}\"\n{% endfor %}{% if count > 10 %}...and {{ count | minus: 10 }} more.\n{% endif %}"
          }
        """);

    [Fact]
    public void Every_template_of_the_benchmark_renders_directly()
    {
        var renderer = new MessageRenderer(Benchmark.Model, RenderLimits.Default);

        foreach (var send in Benchmark.Model.Rules.SelectMany(r => r.Sends))
        {
            for (var i = 0; i < send.Fields.Length; i++)
            {
                var field = send.Fields[i];
                var plain = !field.Text.Contains('{', StringComparison.Ordinal);
                Assert.True(plain || renderer.RendersDirectly(send, i), $"through Scriban: {field.Text}");
            }
        }
    }

    [Theory]
    [InlineData("{% assign n = event.total %}{{ n }}")]
    [InlineData("{% capture c %}{{ event.total }}{% endcapture %}{{ c }}")]
    [InlineData("{{ user.first_name | upcase }}")]
    [InlineData("{{ event.placed | date: \"%Y\" }}")]
    [InlineData("{{ event.total | plus: 1.5 }}")]
    [InlineData("{{ event.total | times: 2 }}")]
    [InlineData("{{ event.note | minus: 1 }}")]
    [InlineData("{{ event.total | default: 'x' | minus: 1 }}")]
    [InlineData("{{- event.total -}}")]
    [InlineData("a {%- if event.gift -%} b {%- endif -%}")]
    [InlineData("Hi\n  {% if event.gift %}a\nb{% endif %}\n\t{{ event.note }}")]
    [InlineData("{% for i in (1..3) %}{{ i }}{% endfor %}")]
    [InlineData("{% for e in events limit: 2 %}{{ e.order_id }}{% endfor %}")]
    [InlineData("{% for e in events %}{{ e.order_id }}{% else %}none{% endfor %}")]
    [InlineData("{% for e in events %}{{ forloop.index }}{% endfor %}")]
    [InlineData("{% for user in events %}{{ user.order_id }}{% endfor %}")]
    [InlineData("{% for default in events %}{{ event.note | default: 'x' }}{% endfor %}")]
    [InlineData("{% for t in event.tags %}{{ t }}{% endfor %}")]
    [InlineData("{{ events.size }} {{ events.first.order_id }}")]
    [InlineData("{{ event.tags }}")]
    [InlineData("{{ user }}")]
    [InlineData("{{ event.id }} {{ nobody.knows }}")]
    [InlineData("{{ event.note.size }}")]
    [InlineData("{% unless event.gift %}x{% endunless %}")]
    [InlineData("{% if event.gift and user.vip %}x{% endif %}")]
    [InlineData("{% if event.total > 9.5 %}x{% endif %}")]
    [InlineData("{% if 1 < event.total %}x{% endif %}")]
    [InlineData("{% if event.note > \"a\" %}x{% endif %}")]
    [InlineData("{% if event.note == 1 %}x{% endif %}")]
    [InlineData("{% if event.note == nil %}x{% endif %}")]
    [InlineData("{% if event.note contains \"a\" %}x{% endif %}")]
    [InlineData("{% case event.note %}{% when \"a\" %}x{% endcase %}")]
    [InlineData("{% raw %}{{ event.note }}{% endraw %}")]
    [InlineData("{{ \"text\" }}")]
    public void Templates_outside_the_subset_render_through_scriban_as_before(string template)
    {
        Assert.Null(DirectTemplateBuilder.Build(Template.ParseLiquid(template), DirectNames.Of(Project.Model, Digest)));
        var send = Digest.Sends[0] with { Fields = [new BoundTemplate("body", template, null)] };
        var order = Project.Event("order_placed", """{"order_id":"o1","total":150.50,"items":2,"note":"a","gift":true,"tags":["t"],"placed":"2026-12-01T15:30:00Z"}""");
        var scope = new RenderScope(Project.User("u1", """{"vip":true,"first_name":"Ada"}"""), order, [order, order], 3);

        var result = new MessageRenderer(Project.Model, RenderLimits.Default).Render(Digest, send, scope);
        var scriban = new MessageRenderer(Project.Model, RenderLimits.Default, renderDirectly: false).Render(Digest, send, scope);

        Assert.Equal(scriban.Failure, result.Failure);
        Assert.Equal(scriban.Fields.ToArray(), result.Fields.ToArray());
    }

    [Theory]
    [InlineData("{% comment %}{{ x | upcase }}{% endcomment %}{{ event.note }}", "n")]
    [InlineData("{{event.note}}{{ event.note|default:'a' }}", "nn")]
    public void Templates_that_parse_to_the_subset_render_directly_and_alike(string template, string expected)
    {
        Assert.NotNull(DirectTemplateBuilder.Build(Template.ParseLiquid(template), DirectNames.Of(Project.Model, Placed)));
        var send = Placed.Sends[0] with { Fields = [new BoundTemplate("body", template, null)] };
        var scope = new RenderScope(Project.User("u1"), Project.Event("order_placed", """{"order_id":"o1","total":1,"items":2,"note":"n"}"""), null, null);

        var result = new MessageRenderer(Project.Model, RenderLimits.Default).Render(Placed, send, scope);

        Assert.Equal(expected, Assert.Single(result.Fields).Value);
    }

    [Fact]
    public void The_subset_is_a_property_of_the_template_for_its_rule_not_of_the_text_alone()
    {
        // `order` is the alias of these rules, not of a rule without it: there the same text goes through Scriban.
        var unaliased = TestProject.From("""
            event order_placed { order_id: string }
            rule plain on order_placed send email { subject: "s", body: "b" }
            """);

        Assert.NotNull(DirectTemplateBuilder.Build(Template.ParseLiquid("{{ order.order_id }}"), DirectNames.Of(Project.Model, Placed)));
        Assert.Null(DirectTemplateBuilder.Build(Template.ParseLiquid("{{ order.order_id }}"), DirectNames.Of(unaliased.Model, unaliased.Rule("plain"))));
    }

    [Fact]
    public void A_rule_whose_alias_another_global_overwrites_renders_through_scriban()
    {
        var shadowing = TestProject.From("""
            event order_placed { order_id: string }
            rule shadow on order_placed as count digest daily at 09:00 local send email { subject: "s", body: "b" }
            """);

        Assert.Null(DirectNames.Of(shadowing.Model, shadowing.Rule("shadow")));
    }
}
