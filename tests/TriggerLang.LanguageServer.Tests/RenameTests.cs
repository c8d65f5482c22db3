using StreamJsonRpc;
using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

public sealed class RenameTests
{
    private const string Rules = """
        rule a on purc|hase send email "hi"
        test "t" {
          at 2026-12-01T10:00Z event purchase for u1 { order_id: "o", total: 1 }
          expect no a to u1
        }
        """;

    [Fact]
    public async Task An_event_is_renamed_in_every_file_and_the_project_still_compiles()
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);
        var cursor = await session.OpenMarked("rules.trig", Rules);

        var range = await session.Request<Protocol.Range?>("textDocument/prepareRename", session.At("rules.trig", cursor));
        var edit = await session.Request<WorkspaceEdit>("textDocument/rename",
            new RenameParams(new TextDocumentIdentifier(session.Uri("rules.trig")), cursor, "order_placed"));

        Assert.Equal(new Protocol.Range(new Position(0, 10), new Position(0, 18)), range);
        Assert.Equal(2, edit.Changes[session.Uri("rules.trig")].Count);
        var schemaEdit = Assert.Single(edit.Changes[session.Uri("schema.trig")]);
        await session.Open("schema.trig", TextEdits.Apply(Projects.Schema, schemaEdit));
        await session.Change("rules.trig", TextEdits.ApplyAll(Marked.Parse(Rules).Text, edit.Changes[session.Uri("rules.trig")]));
        Assert.Empty(await session.Diagnostics("rules.trig", d => d.Count == 0));
    }

    [Theory]
    [InlineData("rule a on message_sent where chan|nel == \"email\" send email \"hi\"", "the fields of built-in events cannot be renamed")]
    [InlineData("rule a on message_se|nt send email \"hi\"", "built-in events cannot be renamed")]
    public async Task Other_names_are_refused_with_the_reason(string markedRules, string reason)
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);
        var cursor = await session.OpenMarked("rules.trig", markedRules);

        var error = await Assert.ThrowsAsync<RemoteInvocationException>(
            () => session.Request<Protocol.Range?>("textDocument/prepareRename", session.At("rules.trig", cursor)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cart_abandoned", "already exists")]
    [InlineData("send", "is not a valid event name")]
    [InlineData("2fast", "is not a valid event name")]
    public async Task A_taken_or_invalid_new_name_is_refused(string newName, string reason)
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);
        var cursor = await session.OpenMarked("rules.trig", Rules);

        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => session.Request<WorkspaceEdit>("textDocument/rename",
            new RenameParams(new TextDocumentIdentifier(session.Uri("rules.trig")), cursor, newName)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
