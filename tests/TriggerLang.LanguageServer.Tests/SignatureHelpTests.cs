using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

public sealed class SignatureHelpTests
{
    private static async Task<SignatureHelp?> HelpAt(string markedRule)
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);
        var cursor = await session.OpenMarked("rules.trig", markedRule);
        return await session.Request<SignatureHelp?>("textDocument/signatureHelp", session.At("rules.trig", cursor));
    }

    [Fact]
    public async Task The_signature_with_the_argument_under_the_cursor()
    {
        var help = await HelpAt("rule r on purchase where round(total, |) > 1 send email \"hi\"");

        Assert.NotNull(help);
        var signature = Assert.Single(help.Signatures);
        Assert.Equal("round(number, [digits: int])", signature.Label);
        Assert.Equal(["number", "[digits: int]"], signature.Parameters.Select(p => signature.Label[p.Label[0]..p.Label[1]]));
        Assert.Equal(1, help.ActiveParameter);
    }

    [Fact]
    public async Task Nested_calls_and_lists_count_only_their_own_commas()
    {
        var help = await HelpAt("rule r on purchase where contains([\"a\", \"b\"], lower(order_id|)) send email \"hi\"");

        Assert.Equal("lower(text: string)", help?.Signatures[0].Label);
        Assert.Equal(0, help?.ActiveParameter);
    }

    [Fact]
    public async Task None_outside_a_call()
    {
        Assert.Null(await HelpAt("rule r on purchase where (total|) > 1 send email \"hi\""));
    }
}
