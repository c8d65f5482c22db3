using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

public sealed class DefinitionTests
{
    [Fact]
    public async Task An_event_goes_to_its_declaration_in_another_file()
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);
        var cursor = await session.OpenMarked("rules.trig", "rule r on purchase unless cart_aban|doned send email \"hi\"");

        var location = await session.Request<Protocol.Location?>("textDocument/definition", session.At("rules.trig", cursor));

        Assert.NotNull(location);
        Assert.Equal(session.Uri("schema.trig"), location.Uri);
        Assert.Equal(new Protocol.Range(new Position(0, 6), new Position(0, 20)), location.Range);
    }

    [Fact]
    public async Task A_field_goes_to_its_declaration()
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);
        var cursor = await session.OpenMarked("rules.trig", "rule r on purchase where event.order|_id == \"x\" send email \"hi\"");

        var location = await session.Request<Protocol.Location?>("textDocument/definition", session.At("rules.trig", cursor));

        Assert.Equal(new Position(7, 2), location?.Range.Start);
    }

    [Fact]
    public async Task A_template_goes_to_its_file()
    {
        using var folder = Projects.WithSchema().With("templates/cart.liquid", "Hello");
        await using var session = await LspSession.StartAsync(folder);
        var cursor = await session.OpenMarked("rules.trig", "rule r on purchase send email { body: template \"templates/ca|rt.liquid\" }");

        var location = await session.Request<Protocol.Location?>("textDocument/definition", session.At("rules.trig", cursor));

        Assert.Equal(session.Uri("templates/cart.liquid"), location?.Uri);
    }

    [Fact]
    public async Task A_built_in_event_has_no_declaration()
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);
        var cursor = await session.OpenMarked("rules.trig", "rule r on message_se|nt send email \"hi\"");

        Assert.Null(await session.Request<Protocol.Location?>("textDocument/definition", session.At("rules.trig", cursor)));
    }
}
