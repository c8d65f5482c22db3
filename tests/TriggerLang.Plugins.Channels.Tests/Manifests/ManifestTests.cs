using System.Text.RegularExpressions;
using TriggerLang.Plugins.Outbox;
using TriggerLang.Plugins.Push;
using TriggerLang.Plugins.Smtp;
using TriggerLang.Plugins.Webhook;

namespace TriggerLang.Plugins.Channels.Tests.Manifests;

/// <summary>Every plugins/*/trig-plugin.json follows plugins/README.md and says what its plugin's code does.</summary>
public sealed partial class ManifestTests
{
    // Each built-in plugin with settings and secrets that let it create its channels (nothing is sent).
    private static readonly Dictionary<string, Func<IReadOnlyList<IChannel>>> Plugins = new()
    {
        ["outbox"] = () => new OutboxPlugin().CreateChannels(TestContexts.Create("outbox", new Dictionary<string, string> { ["Directory"] = Path.GetTempPath() })),
        ["webhook"] = () => new WebhookPlugin().CreateChannels(TestContexts.Create(
            "webhook", new Dictionary<string, string> { ["Url"] = "http://127.0.0.1:9/" }, new Dictionary<string, string> { ["TRIG_WEBHOOK_SECRET"] = "s" })),
        ["push"] = () => new PushPlugin().CreateChannels(TestContexts.Create(
            "push", new Dictionary<string, string> { ["Url"] = "http://127.0.0.1:9/" }, new Dictionary<string, string> { ["TRIG_PUSH_TOKEN"] = "t" })),
        ["smtp"] = () => new SmtpPlugin().CreateChannels(TestContexts.Create(
            "smtp", new Dictionary<string, string> { ["Host"] = "127.0.0.1", ["From"] = "noreply@shop.example" })),
    };

    private static readonly Dictionary<string, Type> PluginTypes = new()
    {
        ["outbox"] = typeof(OutboxPlugin),
        ["webhook"] = typeof(WebhookPlugin),
        ["push"] = typeof(PushPlugin),
        ["smtp"] = typeof(SmtpPlugin),
    };

    // LANGUAGE.md §6 and §8: a plugin channel named like a built-in one must be that channel (fields, required, address).
    private static readonly Dictionary<string, (string? Address, string Fields)> BuiltIn = new()
    {
        ["email"] = ("email", "subject? body"),
        ["push"] = ("push_token", "title? body url?"),
        ["sms"] = ("phone", "body"),
        ["in_app"] = (null, "title? body url?"),
        ["webhook"] = (null, "body"),
    };

    public static TheoryData<string> ManifestPaths() => [.. Paths()];

    // Relative to the repository, so that test names read well.
    private static IEnumerable<string> Paths() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "plugins"), PluginSdk.ManifestFileName, SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Every_built_in_plugin_has_a_manifest()
    {
        var names = Paths().Select(path => PluginManifest.Read(Path.Combine(RepositoryPaths.Root, path)).Name);

        Assert.Equal(Plugins.Keys.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ManifestPaths))]
    public void The_manifest_follows_the_format(string path)
    {
        var manifest = PluginManifest.Read(Path.Combine(RepositoryPaths.Root, path));

        Assert.Matches(PluginName(), manifest.Name);
        Assert.Matches(SemanticVersion(), manifest.Version);
        Assert.Equal(PluginSdk.Version, manifest.Sdk);
        Assert.Equal(Path.GetFileName(Path.GetDirectoryName(path)) + ".dll", manifest.Assembly);
        Assert.Equal(PluginTypes[manifest.Name].Assembly.GetName().Name + ".dll", manifest.Assembly);
        Assert.NotEmpty(manifest.Channels);
        Assert.Equal(manifest.Channels.Count, manifest.Channels.Select(c => c.Name).Distinct().Count());
        foreach (var channel in manifest.Channels)
        {
            Assert.Matches(Identifier(), channel.Name);
            Assert.Contains(channel.Address, new[] { "email", "phone", "push_token", null });
            Assert.Single(channel.Fields, f => f.Primary);
            Assert.Equal(channel.Fields.Count, channel.Fields.Select(f => f.Name).Distinct().Count());
            Assert.All(channel.Fields, f => Assert.Matches(Identifier(), f.Name));
            Assert.All(channel.Fields, f => Assert.Contains(f.Type, new[] { "text", "html", "url", "json" }));
        }
    }

    [Theory]
    [MemberData(nameof(ManifestPaths))]
    public void The_plugin_creates_the_manifests_channels_in_order(string path)
    {
        var manifest = PluginManifest.Read(Path.Combine(RepositoryPaths.Root, path));

        var channels = Plugins[manifest.Name]();

        Assert.Equal(manifest.Channels.Select(c => c.Name), channels.Select(c => c.Name));
        foreach (var channel in channels.OfType<IDisposable>())
        {
            channel.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(ManifestPaths))]
    public void Channels_named_like_built_in_ones_have_their_fields_and_address(string path)
    {
        var manifest = PluginManifest.Read(Path.Combine(RepositoryPaths.Root, path));

        foreach (var channel in manifest.Channels.Where(c => BuiltIn.ContainsKey(c.Name)))
        {
            var (address, fields) = BuiltIn[channel.Name];
            Assert.Equal(address, channel.Address);
            Assert.Equal(fields, string.Join(' ', channel.Fields.Select(f => f.Required ? f.Name : f.Name + "?")));
            Assert.Equal("body", channel.Fields.Single(f => f.Primary).Name);
        }
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex PluginName();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemanticVersion();
}
