using System.Diagnostics;
using TriggerLang.Plugins.Hosting;

namespace TriggerLang.Plugins.Tests;

/// <summary>
/// A plugin that fails — at load or at a call — is reported (which plugin,
/// why, what to do) and loses its channels; the host goes on and the other
/// plugins keep working.
/// </summary>
public class PluginIsolationTests
{
    [Fact]
    public async Task A_call_that_throws_is_a_retryable_failure_with_the_exception_message_and_the_others_keep_working()
    {
        using var folder = new PluginsFolder().With("TestPlugins.Faulty", "faulty").With("TestPlugins.Echo", "echo");
        using var host = PluginHost.Load(new PluginHostOptions(folder.Path));

        var result = await host.DeliverAsync(Deliveries.To("throws"));

        Assert.Equal(DeliveryResult.Retryable("channel `throws` (plugin `faulty`) failed: InvalidOperationException: the provider is down"), result);
        Assert.Equal(DeliveryStatus.Delivered, (await host.DeliverAsync(Deliveries.To("echo"))).Status);
    }

    [Theory]
    [InlineData("hangs")]
    [InlineData("blocks")]
    public async Task A_call_that_does_not_answer_is_abandoned_at_the_timeout_even_if_it_ignores_its_token(string channel)
    {
        using var folder = new PluginsFolder().With("TestPlugins.Faulty", "faulty");
        using var host = PluginHost.Load(new PluginHostOptions(folder.Path) { CallTimeout = TimeSpan.FromMilliseconds(200) });

        var clock = Stopwatch.StartNew();
        var result = await host.DeliverAsync(Deliveries.To(channel));

        Assert.Equal(DeliveryResult.Retryable($"channel `{channel}` (plugin `faulty`) did not answer within 0.2 s"), result);
        // Generous for a loaded CI machine, and still well before `blocks` returns (10 s).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Plugins_that_fail_to_load_are_reported_one_by_one_and_the_others_work()
    {
        using var folder = new PluginsFolder()
            .With("TestPlugins.Echo", "echo")
            .With("TestPlugins.CrashOnStart", "crash")
            .With("TestPlugins.MissingDependency", "humanize")
            .With("TestPlugins.Echo", "renamed", Deliveries.Manifest("renamed", "TestPlugins.Echo.dll", 1, "shout"))
            .WithManifest("broken", "{ \"name\": \"broken\", ")
            .WithManifest("future", Deliveries.Manifest("future", "Future.dll", 2, "future"))
            .WithManifest("ghost", Deliveries.Manifest("ghost", "Ghost.dll", 1, "ghost"));
        var log = new List<string>();

        using var host = PluginHost.Load(new PluginHostOptions(folder.Path) { Log = log.Add });

        Assert.Equal(["echo"], host.Channels);
        Assert.Equal(DeliveryStatus.Delivered, (await host.DeliverAsync(Deliveries.To("echo"))).Status);
        var problems = host.Problems.ToDictionary(p => p.Plugin, p => p.Message);
        Assert.Equal(["broken", "crash", "future", "ghost", "humanize", "renamed"], problems.Keys.Order());
        Assert.Contains("error TRG0701: this plugin manifest is not valid JSON", problems["broken"]);
        Assert.Contains("error TRG0706: plugin `future` is built for plugin SDK version 2", problems["future"]);
        Assert.Equal($"plugin `crash` ({folder.Path}/crash) was not loaded: it threw InvalidOperationException while starting: the license file is missing; "
            + "fix the plugin or its settings (`Plugins:crash`). Its channels (crash) are unavailable until it is fixed and the plugins are reloaded", problems["crash"]);
        Assert.StartsWith($"plugin `humanize` ({folder.Path}/humanize) was not loaded: it needs `Humanizer, Version=2.14.", problems["humanize"]);
        Assert.Contains($"which is not in `{folder.Path}/humanize`; publish the plugin with its dependencies", problems["humanize"]);
        Assert.StartsWith($"plugin `ghost` ({folder.Path}/ghost) was not loaded: its assembly `Ghost.dll` is not in `{folder.Path}/ghost`", problems["ghost"]);
        Assert.Contains("CreateChannels returned [echo] but its manifest declares [shout]", problems["renamed"]);
        Assert.All(host.Problems, problem => Assert.Contains(problem.Message, log));
    }

    [Fact]
    public async Task A_channel_of_a_plugin_that_failed_is_retryable_and_an_undeclared_one_permanent()
    {
        using var folder = new PluginsFolder().With("TestPlugins.CrashOnStart", "crash");
        using var host = PluginHost.Load(new PluginHostOptions(folder.Path));

        var crashed = await host.DeliverAsync(Deliveries.To("crash"));
        var unknown = await host.DeliverAsync(Deliveries.To("fax"));

        Assert.Equal(DeliveryStatus.RetryableFailure, crashed.Status);
        Assert.Equal(DeliveryResult.Permanent($"no plugin in `{folder.Path}` declares the channel `fax`"), unknown);
    }

    [Fact]
    public async Task A_channel_declared_by_two_plugins_is_unavailable_until_configuration_picks_one()
    {
        using var folder = new PluginsFolder()
            .With("TestPlugins.Echo", "echo")
            .With("TestPlugins.Echo", "echo_b", Deliveries.Manifest("echo_b", "TestPlugins.Echo.dll", 1, "echo"));
        var settings = new Dictionary<string, string> { ["prefix"] = "b:" };
        var options = new PluginHostOptions(folder.Path) { Settings = name => name == "echo_b" ? settings : new Dictionary<string, string>() };

        using var undecided = PluginHost.Load(options);
        using var decided = PluginHost.Load(options with { ChannelChoices = new Dictionary<string, string> { ["echo"] = "echo_b" } });

        Assert.Contains("error TRG0705: channel `echo` is declared by two plugins, `echo`", Assert.Single(undecided.Problems).Message);
        Assert.Equal(DeliveryStatus.RetryableFailure, (await undecided.DeliverAsync(Deliveries.To("echo"))).Status);
        Assert.Empty(decided.Problems);
        Assert.Equal("b:hi to u1", (await decided.DeliverAsync(Deliveries.To("echo", "hi"))).Detail);
    }
}
