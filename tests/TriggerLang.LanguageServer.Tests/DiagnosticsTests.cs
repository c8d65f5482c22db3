using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

public sealed class DiagnosticsTests
{
    [Fact]
    public async Task An_unknown_event_is_reported_at_its_name()
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);

        await session.Open("rules.trig", "rule r on cart_abandonedd send email \"hi\"\n");

        var diagnostics = await session.Diagnostics("rules.trig", d => d.Count > 0);
        var unknown = Assert.Single(diagnostics);
        Assert.Equal("TRG0301", unknown.Code); // Unknown event
        Assert.Equal(1, unknown.Severity);
        Assert.Equal(new Protocol.Range(new Position(0, 10), new Position(0, 25)), unknown.Range);
        Assert.Contains("cart_abandoned", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clean_file_gets_an_empty_list()
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);

        await session.Open("rules.trig", Projects.Rule);

        Assert.Empty(await session.Diagnostics("rules.trig"));
    }

    [Fact]
    public async Task Template_errors_follow_schema_changes_and_edits_that_move_the_template()
    {
        // The workspace reuses template checks between compilations: they must still follow the schema and the text.
        const string rule = "rule r on cart_abandoned send email \"{{ event.items }} items\"\n";
        using var folder = Projects.WithSchema().With("rules.trig", rule);
        await using var session = await LspSession.StartAsync(folder);
        await session.Open("schema.trig", Projects.Schema);
        await session.Open("rules.trig", rule);
        Assert.Empty(await session.Diagnostics("rules.trig"));

        await session.Change("schema.trig", Projects.Schema.Replace("  items: int\n", "", StringComparison.Ordinal));
        var broken = Assert.Single(await session.Diagnostics("rules.trig", d => d.Count > 0));
        Assert.Equal("TRG0503", broken.Code); // Unknown template field
        Assert.Equal(new Position(0, 46), broken.Range.Start);

        await session.Change("rules.trig", "\n\n  " + rule);
        Assert.Equal(new Position(2, 48), Assert.Single(await session.Diagnostics("rules.trig", d => d is [{ Range.Start.Line: 2 }])).Range.Start);

        await session.Change("schema.trig", Projects.Schema);
        Assert.Empty(await session.Diagnostics("rules.trig", d => d.Count == 0));
    }

    [Fact]
    public async Task A_schema_change_updates_the_files_that_use_it_and_a_fix_clears_them()
    {
        using var folder = Projects.WithSchema().With("rules.trig", Projects.Rule);
        await using var session = await LspSession.StartAsync(folder);
        await session.Open("schema.trig", Projects.Schema);
        Assert.Empty(await session.Diagnostics("schema.trig"));

        // rules.trig is not open: it is read from disk and still re-checked.
        await session.Change("schema.trig", Projects.Schema.Replace("  total: money\n  items: int", "  items: int", StringComparison.Ordinal));
        var broken = await session.Diagnostics("rules.trig", d => d.Count > 0);
        var unknownField = Assert.Single(broken);
        Assert.Equal("TRG0402", unknownField.Code); // Unknown name: a bare name that is no field of the trigger
        Assert.Equal(new Position(2, 8), unknownField.Range.Start);

        await session.Change("schema.trig", Projects.Schema);
        Assert.Empty(await session.Diagnostics("rules.trig", d => d.Count == 0));
    }

    [Fact]
    public async Task Files_on_disk_are_checked_when_the_client_is_initialized()
    {
        using var folder = Projects.WithSchema().With("rules.trig", "rule r on purchas send email \"hi\"\n");
        await using var session = await LspSession.StartAsync(folder);

        var diagnostics = await session.Diagnostics("rules.trig", d => d.Count > 0);

        Assert.Equal("TRG0301", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public async Task A_file_changed_on_disk_is_read_again_when_the_watcher_reports_it()
    {
        using var folder = Projects.WithSchema().With("rules.trig", "rule r on purchas send email \"hi\"\n");
        await using var session = await LspSession.StartAsync(folder);
        await session.Diagnostics("rules.trig", d => d.Count > 0);

        folder.With("rules.trig", "rule r on purchase send email \"hi\"\n");
        await session.Notify("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams([new FileEvent(session.Uri("rules.trig"), 2)]));

        Assert.Empty(await session.Diagnostics("rules.trig", d => d.Count == 0));
    }

    [Fact]
    public async Task The_server_asks_a_client_that_can_watch_files_to_report_trig_and_template_files()
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder);
        await session.Open("rules.trig", Projects.Rule);
        await session.Diagnostics("rules.trig");

        var registration = Assert.Single(await session.Registered());
        Assert.Equal("workspace/didChangeWatchedFiles", registration.GetProperty("method").GetString());
        Assert.Equal(["**/*.trig", "**/*.liquid"],
            registration.GetProperty("registerOptions").GetProperty("watchers").EnumerateArray().Select(w => w.GetProperty("globPattern").GetString()));
    }

    [Fact]
    public async Task A_client_that_cannot_watch_files_is_not_asked()
    {
        using var folder = Projects.WithSchema();
        await using var session = await LspSession.StartAsync(folder, clientWatchesFiles: false);
        await session.Open("rules.trig", Projects.Rule);
        await session.Diagnostics("rules.trig");

        Assert.Empty(session.Registrations);
    }

    [Fact]
    public async Task An_unsaved_template_in_the_editor_is_what_gets_checked()
    {
        using var folder = Projects.WithSchema().With("templates/cart.liquid", "Hi {{ user.country }}");
        await using var session = await LspSession.StartAsync(folder);
        await session.Open("rules.trig", "rule r on cart_abandoned send email { body: template \"templates/cart.liquid\" }\n");
        Assert.Empty(await session.Diagnostics("rules.trig"));

        await session.Open("templates/cart.liquid", "Hi {{ user.contry }}");
        await session.Notify("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams([new FileEvent(session.Uri("templates/cart.liquid"), 2)]));

        var diagnostics = await session.Diagnostics("templates/cart.liquid", d => d.Count > 0);
        Assert.Contains("contry", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }
}
