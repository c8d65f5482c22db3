using static TriggerLang.Compiler.Tests.Templates.TemplateTestData;

namespace TriggerLang.Compiler.Tests.Templates;

public class TemplateErrorTests
{
    [Fact]
    public void Unknown_root_variable_suggests_the_closest_name()
    {
        var diagnostic = CheckOne("Total: {{ ⟦evnt⟧.total }}", "TRG0502");
        Assert.Contains("unknown template variable `evnt`; did you mean `event`?", diagnostic.Message);
        Assert.Equal("event", diagnostic.Fix?.NewText);
    }

    [Fact]
    public void A_bare_trigger_field_suggests_event_dot_field()
    {
        // `where total > 100` may name fields bare; templates may not.
        var diagnostic = CheckOne("{{ ⟦total⟧ | money }}", "TRG0502");
        Assert.Contains("did you mean `event.total`?", diagnostic.Message);
        Assert.Equal("event.total", diagnostic.Fix?.NewText);
    }

    [Fact]
    public void Variables_used_as_filter_arguments_are_checked() =>
        CheckOne("Hi {{ user.first_name | default: ⟦fallback_name⟧ }}", "TRG0502");

    [Fact]
    public void Unknown_event_field_is_reported_on_the_field_name()
    {
        var diagnostic = CheckOne("{{ event.⟦totl⟧ }}", "TRG0503");
        Assert.StartsWith("event `cart_abandoned` has no field `totl`; did you mean `total`?", diagnostic.Message);
        Assert.Equal("total", diagnostic.Fix?.NewText);
    }

    [Fact]
    public void Unknown_user_attribute_is_reported_before_the_filter()
    {
        var diagnostic = CheckOne("Hi {{ user.⟦frist_name⟧ | default: \"there\" }}", "TRG0503");
        Assert.StartsWith("user has no field `frist_name`; did you mean `first_name`?", diagnostic.Message);
    }

    [Theory]
    [InlineData("{{ cart.⟦itms⟧ }}", "event `cart_abandoned` has no field `itms`; did you mean `items`?")]
    [InlineData("{{ rule.⟦titel⟧ }}", "rule has no field `titel`; did you mean `title`?")]
    [InlineData("{{ event[\"⟦totl⟧\"] }}", "event `cart_abandoned` has no field `totl`; did you mean `total`?")]
    [InlineData("{% if user.⟦teir⟧ == \"gold\" %}VIP{% endif %}", "user has no field `teir`; did you mean `tier`?")]
    [InlineData("{{ event.tags.⟦count⟧ }}", "the list `event.tags` has no field `count`")]
    public void Unknown_fields_on_alias_rule_index_and_list(string marked, string message) =>
        Assert.StartsWith(message, CheckOne(marked, "TRG0503").Message);

    [Fact]
    public void Unknown_field_of_a_loop_element_names_the_event()
    {
        var diagnostic = CheckOne("{% for e in events %}{{ e.⟦totl⟧ }}{% endfor %}", "TRG0503", Digest);
        Assert.StartsWith("event `cart_abandoned` has no field `totl`; did you mean `total`?", diagnostic.Message);
    }

    [Theory]
    [InlineData("{{ event.total.⟦foo⟧ }}", "`event.total` is money, which has no fields: remove `.foo`")]
    [InlineData("{{ event.owner.⟦first_name⟧ }}", "`event.owner` is a user (rendered as its id), which has no fields: remove `.first_name`")]
    [InlineData("{{ user.tier.⟦name⟧.more }}", "`user.tier` is string, which has no fields: remove `.name`")]
    public void Fields_of_a_scalar_are_reported_once(string marked, string message) =>
        Assert.Equal(message, CheckOne(marked, "TRG0503").Message);

    [Theory]
    [InlineData("{{ ⟦count⟧ }} items")]
    [InlineData("{% for e in ⟦events⟧ %}{{ e.total }}{% endfor %}")]
    public void Digest_variables_outside_a_digest(string marked) => CheckOne(marked, "TRG0504");

    [Fact]
    public void Loop_variables_and_forloop_exist_only_inside_their_loop()
    {
        CheckOne("{% for tag in event.tags %}{% endfor %}{{ ⟦tag⟧ }}", "TRG0502");
        var diagnostic = CheckOne("{{ ⟦forloop⟧.index }}", "TRG0502");
        Assert.Contains("`forloop`", diagnostic.Message);
    }

    [Fact]
    public void Spans_are_utf16_offsets_through_surrogates_and_line_breaks() =>
        CheckOne("😀 Olá\r\n{{- event.⟦totl⟧ -}}", "TRG0503");

    [Fact]
    public void Each_mistake_is_reported_in_text_order()
    {
        var diagnostics = Check("{{ evnt.total }} {{ event.totl }} {{ count }}");
        Assert.Equal(["TRG0502", "TRG0503", "TRG0504"], diagnostics.Select(d => d.Code));
    }
}
