namespace TriggerLang.Cli.Tests;

/// <summary>
/// <c>trig check --plugins DIR</c>: the channels come from the plugins'
/// manifests (no plugin code runs), and every manifest problem is a
/// diagnostic at the manifest, with the exact message users see.
/// </summary>
public class PluginManifestCheckTests
{
    private const string SlackRule = """
        rule recovery
          on cart_abandoned
          send slack { text: "Cart {{ event.cart_id }} is waiting", title: "Cart" }
        """;

    [Fact]
    public void Send_clauses_are_checked_against_the_manifests_and_the_built_in_channels_are_gone()
    {
        using var plugins = new TempProject().With("slack/trig-plugin.json", Manifests.Chat());
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", SlackRule)
            .With("email.trig", "rule mail on purchase send email \"Thanks\"\n");

        var result = Trig.Run("check", project.Path, "--plugins", plugins.Path);

        Assert.Equal(1, result.ExitCode);
        AssertLines(
        [
            $"{project.File("email.trig")}(1,28): error TRG0305: unknown channel `email`: the plugins in `{plugins.Path}` provide slack; "
                + "add a plugin that declares `email` there",
        ], result.OutLines);
    }

    [Fact]
    public void Unknown_and_missing_fields_name_the_plugin()
    {
        using var plugins = new TempProject().With("chat/trig-plugin.json", Manifests.Chat(name: "chat"));
        using var project = new TempProject().With("schema.trig", Projects.Schema)
            .With("rules.trig", "rule r on purchase send slack { titel: \"Hi\" }\n")
            .With("typo.trig", "rule t on purchase send slak \"Hi\"\n");

        var result = Trig.Run("check", project.Path, "--plugins", plugins.Path);

        AssertLines(
        [
            $"{project.File("rules.trig")}(1,25): error TRG0307: channel `slack` (plugin `chat`) needs the field `text`: add `text: \"…\"` to the send block",
            $"{project.File("rules.trig")}(1,33): error TRG0306: channel `slack` (plugin `chat`) has no field `titel`; did you mean `title`? Its fields are text, title",
            $"{project.File("typo.trig")}(1,25): error TRG0305: unknown channel `slak`; did you mean `slack`? The plugins in `{plugins.Path}` provide slack; "
                + "add a plugin that declares `slak` there",
        ], result.OutLines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_clean_project_against_plugins_exits_0()
    {
        using var plugins = new TempProject().With("slack/trig-plugin.json", Manifests.Chat());
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", SlackRule);

        var result = Trig.Run("check", project.Path, "--plugins", plugins.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void Malformed_json_is_reported_at_its_line_and_column()
    {
        using var plugins = new TempProject().With("slack/trig-plugin.json", "{\n  \"name\": \"slack\"\n  \"version\": \"1.0.0\"\n}\n");
        using var project = new TempProject().With("schema.trig", Projects.Schema);

        var result = Trig.Run("check", project.Path, "--plugins", plugins.Path);

        Assert.Equal(1, result.ExitCode);
        AssertLines(
        [
            $"{plugins.File("slack/trig-plugin.json")}(3,3): error TRG0701: this plugin manifest is not valid JSON: "
                + "'\"' is invalid after a value. Expected either ',', '}', or ']'; fix it (the format is in plugins/README.md)",
        ], result.OutLines);
    }

    [Fact]
    public void Missing_keys_bad_names_and_primary_fields_are_reported_where_they_are()
    {
        const string manifest = """
            {
              "name": "Slack-Bot",
              "sdk": 1,
              "assembly": "Chat.dll",
              "channels": [
                { "name": "chat", "fields": [ { "name": "text", "type": "markdown", "required": true } ] },
                { "name": "ping", "fields": [ { "name": "a", "type": "text", "primary": true }, { "name": "b", "type": "text", "primary": true } ] },
                { "name": "pong", "fields": [ { "name": "a", "type": "text" } ] }
              ]
            }
            """;
        using var plugins = new TempProject().With("bot/trig-plugin.json", manifest);
        using var project = new TempProject().With("schema.trig", Projects.Schema);

        var result = Trig.Run("check", project.Path, "--plugins", plugins.Path);

        var file = plugins.File("bot/trig-plugin.json");
        AssertLines(
        [
            $"{file}(2,11): error TRG0703: \"Slack-Bot\" is not a valid name: a plugin's name uses lower-case letters, digits and `_`",
            $"{file}(1,1): error TRG0702: the manifest has no `version`: add `\"version\": \"1.0.0\"`",
            $"{file}(6,61): error TRG0703: `markdown` is not a field type: use text, html, url or json",
            $"{file}(7,33): error TRG0704: channel `ping` of this plugin has several primary fields (a, b): mark only one with `\"primary\": true`",
            $"{file}(8,33): error TRG0704: channel `pong` of this plugin has no primary field: "
                + "mark the one a lone string fills (`send pong \"text\"`) with `\"primary\": true`",
        ], result.OutLines);
    }

    [Fact]
    public void A_channel_declared_by_two_plugins_names_both_and_a_choice_settles_it()
    {
        using var plugins = new TempProject().With("ses/trig-plugin.json", Manifests.Email("ses")).With("smtp/trig-plugin.json", Manifests.Email("smtp"));
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", Projects.CleanRule);

        var conflict = Trig.Run("check", project.Path, "--plugins", plugins.Path);
        var chosen = Trig.Run("check", project.Path, "--plugins", plugins.Path, "--channel-plugin", "email=smtp");

        Assert.Equal(1, conflict.ExitCode);
        AssertLines(
        [
            $"{plugins.File("smtp/trig-plugin.json")}(1,1): error TRG0705: channel `email` is declared by two plugins, `ses` ({plugins.File("ses/trig-plugin.json")}) "
                + "and `smtp` (here), so no plugin delivers it: choose one with `--channel-plugin email=ses` (the runtime's setting `PluginHost:Channels:email`), "
                + "or remove one of the plugins",
        ], conflict.OutLines);
        Assert.Equal(0, chosen.ExitCode);
        Assert.Equal("", chosen.Out);
    }

    [Fact]
    public void A_choice_of_a_plugin_that_does_not_declare_the_channel_is_an_error()
    {
        using var plugins = new TempProject().With("smtp/trig-plugin.json", Manifests.Email("smtp")).With("slack/trig-plugin.json", Manifests.Chat());
        using var project = new TempProject().With("schema.trig", Projects.Schema);

        var result = Trig.Run("check", project.Path, "--plugins", plugins.Path, "--channel-plugin", "email=slack");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            ["trig: error TRG0708: the choice email=slack names plugin `slack`, which does not declare channel `email`: choose one of smtp"],
            result.OutLines);
    }

    [Fact]
    public void An_unsupported_sdk_version_is_refused_and_its_channels_are_unavailable()
    {
        using var plugins = new TempProject().With("slack/trig-plugin.json", Manifests.Chat(sdk: 7));
        using var project = new TempProject().With("schema.trig", Projects.Schema);

        var result = Trig.Run("check", project.Path, "--plugins", plugins.Path);

        Assert.Equal(
            [$"{plugins.File("slack/trig-plugin.json")}(4,10): error TRG0706: plugin `slack` is built for plugin SDK version 7, but this trig supports version 1: "
                + "use a build of the plugin made against TriggerLang.Plugins.Sdk version 1, or a trig that supports version 7"],
            result.OutLines);
    }

    [Fact]
    public void Two_plugins_of_one_name_and_a_folder_without_a_manifest_are_reported()
    {
        using var plugins = new TempProject().With("a/trig-plugin.json", Manifests.Chat()).With("b/trig-plugin.json", Manifests.Chat(channel: "chat"))
            .With("notes/README.md", "not a plugin");
        using var project = new TempProject().With("schema.trig", Projects.Schema);

        var result = Trig.Run("check", project.Path, "--plugins", plugins.Path);

        Assert.Equal(1, result.ExitCode);
        AssertLines(
        [
            $"{plugins.File("b/trig-plugin.json")}(1,1): error TRG0709: a plugin named `slack` is already in {plugins.File("a/trig-plugin.json")}: "
                + "plugin names are their settings' section names (`Plugins:slack`); rename or remove one",
            $"trig: warning TRG0710: `{plugins.Path}/notes` has no trig-plugin.json, so it is not a plugin and is ignored: "
                + "add its manifest, or move the folder out of the plugins folder",
        ], result.OutLines);
    }

    [Fact]
    public void A_missing_plugins_folder_exits_2()
    {
        using var project = new TempProject().With("schema.trig", Projects.Schema);

        var result = Trig.Run("check", project.Path, "--plugins", "no-such-plugins");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("trig: error TRG0707: the plugins folder `no-such-plugins` does not exist: pass (with --plugins or TRIG_PLUGINS) "
            + "the folder that holds one sub-folder per plugin", result.Error.TrimEnd());
    }

    [Fact]
    public void Build_stops_on_manifest_errors_without_writing_a_pack()
    {
        using var plugins = new TempProject().With("slack/trig-plugin.json", Manifests.Chat(sdk: 2));
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", SlackRule);

        var result = Trig.Run("build", project.Path, "-o", Path.Combine(project.Path, "out"), "--plugins", plugins.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error TRG0706", result.Out);
        Assert.False(Directory.Exists(Path.Combine(project.FullPath, "out")));
    }

    [Fact]
    public void Test_runs_rules_that_send_through_plugin_channels()
    {
        const string rules = """
            rule recovery
              on cart_abandoned
              send slack "Cart {{ event.cart_id }}"

            test "slack gets it" {
              user u1 { }
              at 2026-12-01T10:00Z event cart_abandoned for u1 { cart_id: "c1", total: 120 }
              expect recovery sent to u1 at 2026-12-01T10:00Z via slack with { text: "Cart c1" }
            }
            """;
        using var plugins = new TempProject().With("slack/trig-plugin.json", Manifests.Chat());
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", rules);

        var result = Trig.Run("test", project.Path, "--plugins", plugins.Path);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("PASS slack gets it", result.Out);
    }

    [Fact]
    public void The_example_plugins_rules_check_clean_against_its_manifest_and_not_without_it()
    {
        var example = Examples.Path("console-channel");
        using var plugins = new TempProject().With("console/trig-plugin.json", File.ReadAllText(Path.Combine(example, "trig-plugin.json")));

        var with = Trig.Run("check", Path.Combine(example, "rules"), "--plugins", plugins.Path);
        var without = Trig.Run("check", Path.Combine(example, "rules"));

        Assert.True(with.ExitCode == 0, with.Out + with.Error);
        Assert.Contains("error TRG0305: unknown channel `console`", without.Out);
    }

    /// <summary>Compares as text, so that a failure shows the whole line that differs.</summary>
    private static void AssertLines(string[] expected, IEnumerable<string> actual) =>
        Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));
}
