using TriggerLang.Compiler.Templates;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Tests.Templates;

public class FieldUsesTests
{
    private static IEnumerable<string> Uses(string text, TemplateScope scope) =>
        TemplateChecker.FieldUses(text, scope).Select(u => $"{u.Owner}.{u.Field}@{u.Span.Start}");

    [Fact]
    public void Schema_fields_are_found_through_aliases_and_bracket_names_but_not_rule_or_locals()
    {
        const string text = "{{ cart.total }}{{ user[\"country\"] }}{{ rule.name }}{% assign t = event.items %}{{ t.total }}";

        Assert.Equal(["cart_abandoned.total@8", "user.country@25", "cart_abandoned.items@72"], Uses(text, TemplateTestData.Plain));
        Assert.Equal(new TextSpan(25, 7), TemplateChecker.FieldUses(text, TemplateTestData.Plain)[1].Span);
    }

    [Fact]
    public void Loop_variables_over_events_and_list_members_are_fields_of_the_trigger() =>
        Assert.Equal(["cart_abandoned.total@26", "cart_abandoned.items@62"],
            Uses("{% for e in events %}{{ e.total }}{% endfor %}{{ events.first.items }}", TemplateTestData.Digest));

    [Fact]
    public void Unknown_fields_and_templates_that_do_not_parse_give_none()
    {
        Assert.Empty(Uses("{{ event.totl }}", TemplateTestData.Plain));
        Assert.Empty(Uses("{{ event.total", TemplateTestData.Plain));
    }
}
