using Scriban;
using TriggerLang.Engine.Rendering;

namespace TriggerLang.Engine.Tests.Rendering;

/// <summary>A message builds only the globals its templates read; a template that can reach them other than by name gets them all.</summary>
public class TemplateReadsTests
{
    [Theory]
    [InlineData("Hi {{ user.first_name | default: 'there' }}", "user", true)]
    [InlineData("Hi {{ user.first_name | default: 'there' }}", "event", false)]
    [InlineData("{% for e in events %}{{ e.product }}{% endfor %}", "events", true)]
    [InlineData("{% if count != 1 %}s{% endif %}", "rule", false)]
    [InlineData("{% assign n = event.total %}{{ n }}", "event", true)]
    [InlineData("{{ my-handle }}", "user", true)]
    [InlineData("{{ this['user'].first_name }}", "user", true)]
    public void Reads_every_name_a_template_may_see(string template, string name, bool reads) =>
        Assert.Equal(reads, TemplateReads.Of(Template.ParseLiquid(template)).Reads(name));

    [Fact]
    public void A_message_reads_what_any_of_its_fields_reads()
    {
        var reads = TemplateReads.Union([TemplateReads.Of(Template.ParseLiquid("{{ user.tier }}")), TemplateReads.Of(Template.ParseLiquid("{{ count }}"))]);

        Assert.True(reads.Reads("user"));
        Assert.True(reads.Reads("count"));
        Assert.False(reads.Reads("event"));
    }
}
