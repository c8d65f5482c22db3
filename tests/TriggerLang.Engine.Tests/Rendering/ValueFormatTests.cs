using static TriggerLang.Engine.Tests.Rendering.RenderingProject;

namespace TriggerLang.Engine.Tests.Rendering;

/// <summary>How values render (LANGUAGE.md §11): the same text whatever the machine's culture.</summary>
public class ValueFormatTests
{
    [Theory]
    [InlineData("""{"cart_id":"c","total":150.50,"items":2}""", "{{ event.total }}", "150.5")]
    [InlineData("""{"cart_id":"c","total":3.0,"items":2}""", "{{ event.total }}", "3")]
    [InlineData("""{"cart_id":"c","total":0.00,"items":2}""", "{{ event.total }}", "0")]
    [InlineData("""{"cart_id":"c","total":1234567.125,"items":2}""", "{{ event.total }}", "1234567.125")]
    [InlineData("""{"cart_id":"c","total":0.0000001,"items":2}""", "{{ event.total }}", "0.0000001")]
    [InlineData("""{"cart_id":"c","total":-2.50,"items":2.0}""", "{{ event.total }} {{ event.items }}", "-2.5 2")]
    [InlineData("""{"cart_id":"c","total":150.50,"items":2}""", "{{ event.total | plus: 1 }} {{ event.total | times: 2 }}", "151.5 301")]
    public void Numbers_render_without_trailing_zeros(string properties, string template, string expected) =>
        Assert.Equal(expected, Text(template, Scope(properties)));

    [Fact]
    public void Booleans_render_as_true_and_false() =>
        Assert.Equal("true false", Text("{{ event.gift }} {{ user.vip }}", Scope("""{"cart_id":"c","total":1,"items":1,"gift":true}""", """{"vip":false}""")));

    [Theory]
    [InlineData("\"2026-12-01T16:30:00+01:00\"", "2026-12-01T15:30:00Z")]
    [InlineData("\"2026-12-01T15:30:00.250Z\"", "2026-12-01T15:30:00.25Z")]
    public void Timestamps_render_as_utc_iso_8601_with_z(string seen, string expected) =>
        Assert.Equal(expected, Text("{{ event.seen }}", Scope($$"""{"cart_id":"c","total":1,"items":1,"seen":{{seen}}}""")));

    [Theory]
    [InlineData("{{ event.seen | date: \"%Y-%m-%d %H:%M\" }}", "2026-12-01 15:30")]
    [InlineData("{{ event.seen | date: \"%a %d %b\" }}", "Tue 01 Dec")]
    [InlineData("{{ \"now\" | date: \"%Y\" }}", "now")]
    [InlineData("[{{ event.category | date: \"%Y\" }}]", "[]")]
    public void The_date_filter_formats_timestamps_in_utc_and_reads_no_clock(string template, string expected) =>
        Assert.Equal(expected, Text(template, Scope("""{"cart_id":"c","total":1,"items":1,"seen":"2026-12-01T16:30:00+01:00"}""")));

    [Theory]
    [InlineData("\"1h30m\"", "1h30m")]
    [InlineData("\"2d\"", "2d")]
    [InlineData("\"1w\"", "7d")]
    [InlineData("90061.5", "1d1h1m1.5s")]
    [InlineData("0", "0s")]
    public void Durations_render_in_the_language_notation_largest_unit_first(string wait, string expected) =>
        Assert.Equal(expected, Text("{{ event.wait }}", Scope($$"""{"cart_id":"c","total":1,"items":1,"wait":{{wait}}}""")));

    [Theory]
    [InlineData("{% for t in event.tags %}<{{ t }}>{% endfor %}", "<a><b>")]
    [InlineData("{{ event.tags | join: \", \" }}", "a, b")]
    [InlineData("{{ event.tags.size }} {{ event.tags | size }} {{ event.tags.first }} {{ event.tags.last }}", "2 2 a b")]
    [InlineData("{{ event.amounts | join: \"/\" }}", "1.5/2")]
    public void Lists_are_liquid_lists(string template, string expected) =>
        Assert.Equal(expected, Text(template, Scope("""{"cart_id":"c","total":1,"items":1,"tags":["a","b"],"amounts":[1.50,2.0]}""")));

    [Fact]
    public void Strings_render_as_they_are_with_the_common_liquid_filters() =>
        Assert.Equal("ADA ada Ada 3 Ad... Hi, Ada!",
            Text("{{ user.first_name | upcase }} {{ user.first_name | downcase }} {{ user.first_name | capitalize }} "
                + "{{ user.first_name | size }} {{ \"Adaline\" | truncate: 5 }} {{ user.first_name | prepend: \"Hi, \" | append: \"!\" }}"));
}
