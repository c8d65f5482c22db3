using TriggerLang.Compiler.Templates;
using static TriggerLang.Compiler.Tests.Templates.TemplateTestData;

namespace TriggerLang.Compiler.Tests.Templates;

public class ValidTemplateTests
{
    [Theory]
    [InlineData("Your cart misses you")]
    [InlineData("")]
    [InlineData("Hi {{ user.first_name | default: \"there\" }}")]
    [InlineData("You left {{ event.items }} items behind")]
    [InlineData("{{ cart.total }} for cart {{ cart.cart_id }}")]
    [InlineData("{{ rule.name }}: {{ rule.title }}")]
    [InlineData("{{ user.id }} {{ user.email }} {{ user.timezone }} {{ user[\"first_name\"] }}")]
    [InlineData("{% if user.tier == \"gold\" %}Gold{% elsif user.country == \"US\" %}US{% else %}Hi{% endif %}")]
    [InlineData("{% unless user.country %}Where are you?{% endunless %}")]
    [InlineData("{% case user.tier %}{% when \"gold\", \"silver\" %}VIP{% else %}Hi{% endcase %}")]
    [InlineData("{% assign doubled = event.total | times: 2 %}{{ doubled }} {{ doubled.anything }}")]
    [InlineData("{% capture greeting %}Hi {{ user.first_name }}{% endcapture %}{{ greeting | strip }}")]
    [InlineData("{% increment visits %}{{ visits }}")]
    [InlineData("{{ event.total | money }} {{ event.cart_id | upcase | truncate: 5, \"...\" }} {{ \"now\" | date: \"%Y-%m-%d\" }}")]
    [InlineData("{{ event.category | default: event.cart_id | append: user.id }}")]
    [InlineData("{{ \"greeting\" | t: name: user.first_name }}")]
    [InlineData("{{ event.cart_id.size }} {{ event.tags.size }} {{ event.tags.first | upcase }} {{ event.tags[0] }}")]
    [InlineData("{% for tag in event.tags %}{{ tag }}{{ forloop.index }}{% unless forloop.last %}, {% endunless %}{% endfor %}")]
    [InlineData("{% if user.tier == empty or user.country == nil or user.tier == blank %}{% endif %}")]
    [InlineData("{{- user.first_name -}}\r\n{%- if event.items > 1 -%}s{%- endif -%}")]
    [InlineData("{% comment %}{{ nonsense }}{% endcomment %}{% raw %}{{ nonsense }}{% endraw %}")]
    [InlineData("{{ event[user.tier] }} {{ (event.total) }}")]
    [InlineData("Bye{% comment %} not {{ this }} {% endcomment %}")]
    public void Valid_templates_give_no_diagnostics(string text) => Assert.Empty(Check(text));

    [Theory]
    [InlineData("{{ count }} new: {% for e in events %}{{ e.total }} ({{ forloop.index }}/{{ forloop.length }}){% endfor %}")]
    [InlineData("{{ events.size }} {{ events.first.cart_id }} {{ events.last.items }} {{ events[0].total }} {{ event.total }}")]
    [InlineData("{% for e in events limit: 3 reversed %}{{ e.items }}{% cycle \"odd\", \"even\" %}{% else %}none{% endfor %}")]
    [InlineData("{% for e in events %}{% for tag in e.tags %}{{ tag }}{{ e.cart_id }}{% endfor %}{% endfor %}")]
    [InlineData("{% tablerow e in events cols: 2 %}{{ e.total }}{{ tablerowloop.col }}{% endtablerow %}")]
    public void Digest_templates_see_events_and_count(string text) => Assert.Empty(Check(text, Digest));

    [Fact]
    public void An_unknown_trigger_accepts_any_event_field()
    {
        // The unknown event is reported once, at `on`; its template must not repeat it for every field.
        var scope = Plain with { Trigger = null };
        Assert.Empty(Check("{{ event.anything }} {{ cart.whatever.deep }}", scope));
    }

    [Fact]
    public void Assigned_names_are_known_before_and_after_the_assignment()
    {
        Assert.Empty(Check("{% for tag in event.tags %}{{ previous }}{% assign previous = tag %}{% endfor %}{{ previous }}"));
    }
}
