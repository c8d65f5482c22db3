using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

public sealed class CompletionTests
{
    private static async Task<IReadOnlyList<string>> LabelsAt(string markedText)
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);
        var cursor = await session.OpenMarked("rules.trig", markedText);
        var list = await session.Request<CompletionList>("textDocument/completion", session.At("rules.trig", cursor));
        return [.. list.Items.Select(i => i.Label)];
    }

    [Theory]
    [InlineData("rule r on |")]
    [InlineData("rule r on cart_ab|andoned send email \"hi\"")]
    [InlineData("rule r on purchase unless |")]
    [InlineData("rule r on purchase goal | within 2d send email \"hi\"")]
    public async Task Events_after_on_unless_and_goal(string text)
    {
        var labels = await LabelsAt(text);

        Assert.Contains("cart_abandoned", labels);
        Assert.Contains("purchase", labels);
        Assert.Contains("message_opened", labels);
        Assert.DoesNotContain("where", labels);
    }

    [Fact]
    public async Task Trigger_fields_user_and_functions_after_where()
    {
        var labels = await LabelsAt("rule r on cart_abandoned where |");

        Assert.Equal(["cart_id", "total", "items", "user", "event"], labels.Take(5));
        Assert.Contains("days_since", labels);
    }

    [Fact]
    public async Task Fields_of_the_unless_event_in_its_where()
    {
        var labels = await LabelsAt("rule r on cart_abandoned unless purchase where total > 1 and |");

        Assert.Contains("order_id", labels);
        Assert.DoesNotContain("cart_id", labels);
    }

    [Fact]
    public async Task User_attributes_after_user_dot()
    {
        var labels = await LabelsAt("rule r on purchase where user.|");

        Assert.Equal(["id", "timezone", "email", "phone", "push_token", "country"], labels);
    }

    [Fact]
    public async Task Trigger_fields_after_event_dot_even_in_an_unless()
    {
        var labels = await LabelsAt("rule r on cart_abandoned unless purchase where total > event.|");

        Assert.Equal(["cart_id", "total", "items"], labels);
    }

    [Fact]
    public async Task Channels_after_send_and_their_fields_in_a_block()
    {
        Assert.Equal(["email", "in_app", "push", "sms", "webhook"], await LabelsAt("rule r on purchase send |"));
        Assert.Equal(["title", "body", "url"], await LabelsAt("rule r on purchase send push { |"));
    }

    [Fact]
    public async Task Template_variables_inside_braces()
    {
        Assert.Equal(["user", "event", "rule", "events", "count"], await LabelsAt("rule r on purchase send email \"Hi {{ | }}\""));
        Assert.Equal(["order_id", "total"], await LabelsAt("rule r on purchase send email \"Hi {{ event.| }}\""));
    }

    [Fact]
    public async Task Clause_keywords_between_clauses_and_nothing_in_a_plain_string()
    {
        var labels = await LabelsAt("rule r on purchase\n  delay 30m\n  |");

        Assert.Contains("where", labels);
        Assert.Contains("unless", labels);
        Assert.Contains("send", labels);
        Assert.Empty(await LabelsAt("rule r on purchase send email \"Hi |\""));
    }
}
