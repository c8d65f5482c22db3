using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

public sealed class HoverTests
{
    private static async Task<string?> HoverAt(string markedRule)
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);
        var cursor = await session.OpenMarked("rules.trig", markedRule);
        var hover = await session.Request<Hover?>("textDocument/hover", session.At("rules.trig", cursor));
        return hover?.Contents.Value;
    }

    [Fact]
    public async Task An_event_name_shows_its_fields_and_declaration()
    {
        var text = await HoverAt("rule r on cart_ab|andoned send email \"hi\"");

        Assert.NotNull(text);
        Assert.Contains("event cart_abandoned {", text, StringComparison.Ordinal);
        Assert.Contains("total: money", text, StringComparison.Ordinal);
        Assert.Contains("declared in `schema.trig` line 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_in_where_shows_its_type_and_event()
    {
        var text = await HoverAt("rule r on cart_abandoned where tot|al > 100 send email \"hi\"");

        Assert.Equal("```trig\ntotal: money\n```\nField of event `cart_abandoned`, declared in `schema.trig` line 3", text);
    }

    [Fact]
    public async Task A_field_in_unless_where_is_a_field_of_the_unless_event()
    {
        var text = await HoverAt("rule r on cart_abandoned unless purchase where order_i|d == \"x\" send email \"hi\"");

        Assert.Contains("Field of event `purchase`", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_attribute_shows_its_type_and_built_ins_say_so()
    {
        Assert.Contains("country: string?", await HoverAt("rule r on purchase where user.coun|try == \"US\" send email \"hi\""), StringComparison.Ordinal);
        Assert.Contains("email: string?\n```\nAttribute of the recipient's profile (built in)",
            await HoverAt("rule r on purchase where exists(user.em|ail) send email \"hi\""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_name_shows_a_plain_english_summary()
    {
        var text = await HoverAt(Projects.Rule.Replace("cart_recovery", "cart_rec|overy", StringComparison.Ordinal));

        Assert.Equal("```trig\nrule cart_recovery\n```\n**Cart recovery**\n\n"
            + "When `cart_abandoned` happens, if `total > 100`, wait `30m`, unless `purchase` happened in the `24h` before sending, send `email`.", text);
    }

    [Fact]
    public async Task A_function_and_a_channel_show_their_signatures()
    {
        Assert.Contains("days_since(time: timestamp)", await HoverAt("rule r on purchase where days_si|nce(x) > 1 send email \"hi\""), StringComparison.Ordinal);
        Assert.Contains("channel push { title?, body, url? }", await HoverAt("rule r on purchase send pu|sh \"hi\""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_to_say_between_words()
    {
        Assert.Null(await HoverAt("rule r on purchase  |  send email \"hi\""));
    }
}
