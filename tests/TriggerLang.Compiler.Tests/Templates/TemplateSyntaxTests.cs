using static TriggerLang.Compiler.Tests.Templates.TemplateTestData;

namespace TriggerLang.Compiler.Tests.Templates;

public class TemplateSyntaxTests
{
    [Theory]
    [InlineData("Hi {{ user.first_name ⟦}⟧", "Invalid token found `}`")]
    [InlineData("Hi ⟦{{⟧ user.first_name", "this `{{` is never closed: add `}}`")]
    [InlineData("Hi ⟦{{⟧ ", "this `{{` is never closed: add `}}`")]
    [InlineData("Hi ⟦{%⟧", "this `{%` is never closed: add `%}`")]
    [InlineData("{% ⟦for⟧ e in event.tags %}{{ e }}", "`{% for %}` is never closed: add `{% endfor %}`")]
    [InlineData("{% ⟦comment⟧ %}never closed", "`{% comment %}` is never closed: add `{% endcomment %}`")]
    [InlineData("{% for e in event.tags %}{{ ⟦forloop⟧.parentloop }}{% endfor %}", "not supported")]
    [InlineData("{% for ⟦%}⟧", "Expecting <expression> instead of `%}`")]
    [InlineData("⟦{%⟧''a()=", "this `{%` is never closed: add `%}`")] // Scriban reports the end of the text twice
    public void Syntax_errors_are_reported_where_scriban_finds_them(string marked, string message) =>
        Assert.Contains(message, CheckOne(marked, "TRG0501").Message);

    [Fact]
    public void Unknown_tag_suggests_a_liquid_tag()
    {
        var diagnostic = CheckOne("{% ⟦iff⟧ user.tier %}VIP", "TRG0501");
        Assert.StartsWith("unknown tag `iff`; did you mean `if`?", diagnostic.Message);
        Assert.Equal("if", diagnostic.Fix?.NewText);
    }

    [Fact]
    public void Unknown_tag_is_reported_before_the_errors_it_causes()
    {
        // Without the tag error, the only clue would be Scriban's "no pending if" at `endif`.
        var diagnostics = Check("{% iff user.tier %}VIP{% endif %}");
        Assert.Equal(["TRG0501", "TRG0501"], diagnostics.Select(d => d.Code));
        Assert.StartsWith("unknown tag `iff`", diagnostics[0].Message);
    }

    [Fact]
    public void Include_is_not_supported() => CheckOne("{% ⟦include⟧ 'footer' %}", "TRG0501");

    [Fact]
    public void A_filter_without_a_pipe_is_reported_once() =>
        CheckOne("{{ ⟦upcase user.first_name⟧ }}", "TRG0501");

    // Scriban parses `a() = …` where a value goes without an error, as a function whose body is a node of its parser
    // that cannot be walked, and fails only when the message is rendered.
    [Theory]
    [InlineData("{{ upcase ⟦a() = user.nam⟧ }}")]
    [InlineData("{% for e in ⟦a() = 1⟧ %}{{ e }}{% endfor %}")]
    public void A_function_definition_where_a_value_goes_is_reported_once(string marked) =>
        Assert.Contains("defines a function", CheckOne(marked, "TRG0501").Message);

    [Fact]
    public void Variables_are_not_checked_when_the_syntax_is_broken()
    {
        // Scriban's tree after an error is partial: only the syntax error is worth reading.
        Assert.Equal(["TRG0501"], Check("{{ evnt.totl }} {% if %}").Select(d => d.Code));
    }
}
