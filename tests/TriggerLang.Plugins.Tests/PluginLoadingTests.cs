using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using TriggerLang.Plugins.Hosting;

namespace TriggerLang.Plugins.Tests;

/// <summary>Loading plugins into their own contexts, calling them, and unloading them again.</summary>
public class PluginLoadingTests
{
    [Fact]
    public async Task A_plugin_is_loaded_with_its_settings_and_called_and_its_load_is_logged_with_its_hash()
    {
        using var folder = new PluginsFolder().With("TestPlugins.Echo", "echo");
        var log = new List<string>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PluginHost:Folder"] = folder.Path,
            ["Plugins:echo:prefix"] = "> ",
        }).Build();

        using var host = PluginHost.Load(PluginHostConfiguration.FromConfiguration(configuration, log.Add));
        var result = await host.DeliverAsync(Deliveries.To("echo", "hi"));

        Assert.Empty(host.Problems);
        Assert.Equal(new DeliveryResult(DeliveryStatus.Delivered, "> hi to u1"), result);
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder.Path, "echo", "TestPlugins.Echo.dll"))));
        Assert.Equal(sha, host.Plugins.Single().Sha256);
        Assert.Contains(log, line => line.StartsWith("plugin echo 1.0.0: loading TestPlugins.Echo.dll (sha256 " + sha + ")", StringComparison.Ordinal));
        Assert.Contains("echo: ready", log);
    }

    [Fact]
    public void Disposing_the_host_unloads_the_plugin_contexts()
    {
        using var folder = new PluginsFolder().With("TestPlugins.Echo", "echo");

        var contexts = LoadCallAndDispose(folder.Path);
        CollectUntilDead(contexts);

        Assert.NotEmpty(contexts);
        Assert.All(contexts, context => Assert.False(context.IsAlive, "the plugin's load context was not collected"));
    }

    [Fact]
    public async Task Two_plugins_get_their_own_versions_of_the_same_library()
    {
        using var folder = new PluginsFolder().With("TestPlugins.Json12", "json12").With("TestPlugins.Json13", "json13");

        using var host = PluginHost.Load(new PluginHostOptions(folder.Path));
        var twelve = await host.DeliverAsync(Deliveries.To("json12", "a"));
        var thirteen = await host.DeliverAsync(Deliveries.To("json13", "b"));

        Assert.Empty(host.Problems);
        Assert.Equal("12.0.0.0 {\"text\":\"a\"}", twelve.Detail);
        Assert.Equal("13.0.0.0 {\"text\":\"b\"}", thirteen.Detail);
    }

    [Fact]
    public async Task Reload_unloads_the_old_plugins_and_picks_up_new_ones()
    {
        using var folder = new PluginsFolder().With("TestPlugins.Echo", "echo");
        using var host = PluginHost.Load(new PluginHostOptions(folder.Path));
        var before = host.LoadContexts().ToList();

        folder.With("ConsoleChannel", "console");
        host.Reload();
        CollectUntilDead(before);

        Assert.Equal(["console", "echo"], host.Channels);
        Assert.Equal(DeliveryStatus.Delivered, (await host.DeliverAsync(Deliveries.To("echo"))).Status);
        Assert.All(before, context => Assert.False(context.IsAlive, "the old load context was not collected"));
    }

    [Fact]
    public async Task The_example_console_plugin_writes_each_message_to_its_file()
    {
        using var folder = new PluginsFolder().With("ConsoleChannel", "console");
        var output = Path.Combine(folder.Path, "out.txt");
        var settings = new Dictionary<string, string> { ["path"] = output };

        using var host = PluginHost.Load(new PluginHostOptions(folder.Path) { Settings = name => name == "console" ? settings : new Dictionary<string, string>() });
        var result = await host.DeliverAsync(Deliveries.To("console", "Your cart misses you"));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(["[trig] welcome → u1: Your cart misses you (welcome/u1/e1/console)"], File.ReadAllLines(output));
    }

    /// <summary>
    /// Collects until every context is gone, for up to 10 s. Unloading takes several collections, and the pool thread
    /// that ran the plugin's call may still hold it while it unwinds after answering: a fixed number of back-to-back
    /// collections (20, under a second) was over before such a thread ran again on a busy machine.
    /// </summary>
    private static void CollectUntilDead(IReadOnlyList<WeakReference> contexts)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (contexts.Any(c => c.IsAlive) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            // Lets a thread that still holds the plugin run on.
            Thread.Sleep(10);
        }
    }

    /// <summary>Not inlined, so that no reference to the plugin outlives it on the test's stack.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> LoadCallAndDispose(string folder)
    {
        var host = PluginHost.Load(new PluginHostOptions(folder));
        Assert.Equal(DeliveryStatus.Delivered, host.DeliverAsync(Deliveries.To("echo")).GetAwaiter().GetResult().Status);
        var contexts = host.LoadContexts().ToList();
        host.Dispose();
        return contexts;
    }
}
