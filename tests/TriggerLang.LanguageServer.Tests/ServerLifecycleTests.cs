using StreamJsonRpc;
using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

public sealed class ServerLifecycleTests
{
    [Fact]
    public async Task Initialize_announces_the_features_and_full_sync()
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);

        var result = await session.Request<InitializeResult>("initialize", new { rootUri = session.Uri(".") });

        Assert.Equal(TextDocumentSyncKind.Full, result.Capabilities.TextDocumentSync);
        Assert.True(result.Capabilities.HoverProvider);
        Assert.Equal("trig", result.ServerInfo.Name);
    }

    [Fact]
    public async Task Shutdown_then_exit_closes_the_connection()
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);

        await session.Request<object?>("shutdown", new { });
        await session.Notify("exit", new { });

        await session.Server.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(session.Server.ShutdownRequested);
    }

    [Fact]
    public async Task Bad_requests_get_an_answer_and_the_server_keeps_working()
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);

        // A document the server never saw, a position far outside the file, and parameters that do not deserialize.
        Assert.Null(await session.Request<Hover?>("textDocument/hover", session.At("nowhere.trig", new Position(3, 4))));
        await session.Open("rules.trig", Projects.Rule);
        Assert.Null(await session.Request<Hover?>("textDocument/hover", session.At("rules.trig", new Position(999, 999))));
        await Assert.ThrowsAsync<RemoteInvocationException>(() => session.Request<Hover?>("textDocument/hover", new { textDocument = 42 }));
        await session.Notify("textDocument/didChange", new { textDocument = new { uri = "not a uri", version = 9 }, contentChanges = new[] { new { text = "x" } } });

        var hover = await session.Request<Hover?>("textDocument/hover", session.At("rules.trig", new Position(1, 8)));
        Assert.NotNull(hover);
        await session.Logged(m => m.Type == MessageType.Error && m.Message.Contains("applying a change", StringComparison.Ordinal));
    }
}
