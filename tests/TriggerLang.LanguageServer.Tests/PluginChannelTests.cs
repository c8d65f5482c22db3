using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Tests;

/// <summary>The channels of a plugins folder's manifests, as <c>trig check --plugins</c> reads them.</summary>
public sealed class PluginChannelTests
{
    private const string Pager = """
        {
          "name": "pager",
          "version": "1.0.0",
          "sdk": 1,
          "assembly": "Pager.dll",
          "channels": [
            {
              "name": "pager",
              "address": "push_token",
              "fields": [
                { "name": "body", "type": "text", "required": true, "primary": true },
                { "name": "urgency", "type": "text", "required": false, "primary": false }
              ]
            }
          ]
        }
        """;

    private const string ManifestPath = "plugins/pager/trig-plugin.json";

    private static TempFolder WithPager() => Projects.WithSchema().With(ManifestPath, Pager);

    /// <summary>The plugins folder relative to the workspace folder, as an editor's workspace settings would give it.</summary>
    private static Task<LspSession> StartWithPlugins(TempFolder folder) =>
        LspSession.StartAsync(folder, initializationOptions: new { plugins = "plugins" });

    [Fact]
    public async Task Completion_after_send_offers_the_manifests_channels_only()
    {
        using var folder = WithPager();
        await using var session = await StartWithPlugins(folder);
        var cursor = await session.OpenMarked("rules.trig", "rule r on purchase send |");

        var list = await session.Request<CompletionList>("textDocument/completion", session.At("rules.trig", cursor));

        Assert.Equal(["pager"], list.Items.Select(i => i.Label));
    }

    [Fact]
    public async Task Completion_inside_send_offers_the_plugin_channels_fields()
    {
        using var folder = WithPager();
        await using var session = await StartWithPlugins(folder);
        var cursor = await session.OpenMarked("rules.trig", "rule r on purchase send pager { | }");

        var list = await session.Request<CompletionList>("textDocument/completion", session.At("rules.trig", cursor));

        Assert.Equal(["body", "urgency"], list.Items.Select(i => i.Label));
    }

    [Fact]
    public async Task Hover_on_a_plugin_channel_shows_its_fields_and_a_send_to_it_is_clean()
    {
        using var folder = WithPager();
        await using var session = await StartWithPlugins(folder);
        var cursor = await session.OpenMarked("rules.trig", "rule r on purchase send pa|ger \"Order {{ event.order_id }}\"\n");

        Assert.Empty(await session.Diagnostics("rules.trig"));
        var hover = await session.Request<Hover?>("textDocument/hover", session.At("rules.trig", cursor));

        Assert.Equal("```trig\nchannel pager { body, urgency? }\n```", hover?.Contents.Value);
    }

    [Fact]
    public async Task A_manifests_problem_is_published_on_the_manifest_and_cleared_when_it_is_fixed_on_disk()
    {
        using var folder = Projects.WithSchema().With(ManifestPath, Pager.Replace("\"sdk\": 1", "\"sdk\": 99", StringComparison.Ordinal));
        await using var session = await StartWithPlugins(folder);

        var problems = await session.Diagnostics(ManifestPath, d => d.Count > 0);
        Assert.Contains("99", Assert.Single(problems).Message, StringComparison.Ordinal);

        folder.With(ManifestPath, Pager);
        await session.Notify("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams([new FileEvent(session.Uri(ManifestPath), 2)]));

        Assert.Empty(await session.Diagnostics(ManifestPath, d => d.Count == 0));
    }

    [Fact]
    public async Task A_channel_added_to_a_manifest_is_known_after_the_watcher_reports_it()
    {
        using var folder = Projects.WithSchema().With(ManifestPath, Pager);
        await using var session = await StartWithPlugins(folder);
        await session.Open("rules.trig", "rule r on purchase send beeper \"hi\"\n");
        Assert.Contains(await session.Diagnostics("rules.trig", d => d.Count > 0), d => d.Message.Contains("beeper", StringComparison.Ordinal));

        folder.With(ManifestPath, Pager.Replace("\"name\": \"pager\",\n      \"address\"", "\"name\": \"beeper\",\n      \"address\"", StringComparison.Ordinal));
        await session.Notify("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams([new FileEvent(session.Uri(ManifestPath), 2)]));

        Assert.Empty(await session.Diagnostics("rules.trig", d => d.Count == 0));
    }

    [Fact]
    public async Task The_server_asks_to_watch_the_manifests_of_the_plugins_folder()
    {
        using var folder = WithPager();
        await using var session = await StartWithPlugins(folder);
        await session.Open("rules.trig", Projects.Rule);
        await session.Diagnostics("rules.trig");

        var watchers = Assert.Single(await session.Registered()).GetProperty("registerOptions").GetProperty("watchers").EnumerateArray().ToList();
        var manifests = watchers[^1].GetProperty("globPattern");
        Assert.Equal(session.Uri("plugins"), manifests.GetProperty("baseUri").GetString());
        Assert.Equal("*/trig-plugin.json", manifests.GetProperty("pattern").GetString());
    }

    [Fact]
    public async Task A_channel_choice_picks_between_two_plugins_declaring_the_same_channel()
    {
        using var folder = WithPager().With("plugins/pager2/trig-plugin.json", Pager
            .Replace("\"name\": \"pager\",\n  \"version\"", "\"name\": \"pager2\",\n  \"version\"", StringComparison.Ordinal)
            .Replace("\"urgency\"", "\"priority\"", StringComparison.Ordinal));
        await using var session = await LspSession.StartAsync(folder,
            initializationOptions: new { plugins = "plugins", channelPlugins = new Dictionary<string, string> { ["pager"] = "pager2" } });
        var cursor = await session.OpenMarked("rules.trig", "rule r on purchase send pager { | }");

        var list = await session.Request<CompletionList>("textDocument/completion", session.At("rules.trig", cursor));

        Assert.Equal(["body", "priority"], list.Items.Select(i => i.Label));
    }

    [Fact]
    public void Without_settings_the_folder_comes_from_TRIG_PLUGINS_else_none()
    {
        var expected = Environment.GetEnvironmentVariable("TRIG_PLUGINS") is { Length: > 0 } folder ? folder : null;

        Assert.Equal(expected, Workspace.PluginSettings.Folder(null, "/work"));
        Assert.Equal(Path.GetFullPath("/work/plugins"), Workspace.PluginSettings.Folder(new InitializationOptions("plugins", null), "/work"));
    }
}
