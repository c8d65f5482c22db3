using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace TriggerLang.Runtime.Tests;

/// <summary>Messages reach channel plugins with retries: a channel that keeps failing ends in failed/delivery_failed and a dead letter; one that recovers ends sent.</summary>
public sealed class DeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static async Task<TestRuntime> SendOneAsync(TempFolder folder, string channel, Dictionary<string, string?> settings)
    {
        folder.WithRules($$$"""
            event ping { }

            rule hello on ping send {{{channel}}} "hi {{ user.id }}"
            """);
        var runtime = await TestRuntime.StartAsync(folder, folder.Rules, new FakeTimeProvider(Now), settings);
        await runtime.AcceptAsync("/v1/events", """{"id":"e1","name":"ping","user":"u1","time":"2026-12-01T10:00:00Z","properties":{}}""");
        await runtime.SettleDeliveriesAsync();
        return runtime;
    }

    [Fact]
    public async Task A_channel_that_keeps_failing_ends_failed_after_the_configured_attempts_with_a_dead_letter()
    {
        using var folder = new TempFolder().WithPlugin("TestPlugins.Faulty");
        await using var runtime = await SendOneAsync(folder, "throws", new() { ["Runtime:Delivery:Attempts"] = "3" });

        Assert.Equal(
            """{"time":"2026-12-01T10:00:00Z","rule":"hello","user":"u1","channel":"throws","status":"failed","reason":"delivery_failed","trigger":"e1"}""" + "\n",
            await runtime.ExportAsync());
        using var connection = runtime.Services.Database.Open();
        var letter = Assert.Single(connection.Query<(string Channel, string Error)>("SELECT channel, error FROM dead_letters"));
        Assert.Equal("throws", letter.Channel);
        Assert.Contains("3 attempts", letter.Error);
        Assert.Contains("the provider is down", letter.Error);
        Assert.Equal(0, runtime.Count("deliveries"));
    }

    [Fact]
    public async Task A_channel_that_fails_then_recovers_within_the_attempts_ends_sent()
    {
        using var folder = new TempFolder().WithPlugin("TestPlugins.Flaky");
        await using var runtime = await SendOneAsync(folder, "flaky", new() { ["Runtime:Delivery:Attempts"] = "3", ["Plugins:flaky:failures"] = "2" });

        Assert.Equal(
            """{"time":"2026-12-01T10:00:00Z","rule":"hello","user":"u1","channel":"flaky","status":"sent","trigger":"e1","fields":{"text":"hi u1"}}""" + "\n",
            await runtime.ExportAsync());
        Assert.Equal(0, runtime.Count("dead_letters"));
        Assert.Equal(0, runtime.Count("deliveries"));
    }

    [Fact]
    public async Task A_channel_that_recovers_too_late_ends_failed()
    {
        using var folder = new TempFolder().WithPlugin("TestPlugins.Flaky");
        await using var runtime = await SendOneAsync(folder, "flaky", new() { ["Runtime:Delivery:Attempts"] = "3", ["Plugins:flaky:failures"] = "3" });

        Assert.Contains("\"status\":\"failed\",\"reason\":\"delivery_failed\"", await runtime.ExportAsync());
        Assert.Equal(1, runtime.Count("dead_letters"));
    }

    [Fact]
    public async Task A_delivery_still_being_retried_at_a_stop_is_delivered_after_the_restart()
    {
        using var folder = new TempFolder().WithPlugin("TestPlugins.Flaky");
        folder.WithRules("""
            event ping { }

            rule hello on ping send flaky "hi {{ user.id }}"
            """);
        var clock = new FakeTimeProvider(Now);
        await using (var first = await TestRuntime.StartAsync(folder, folder.Rules, clock,
            new Dictionary<string, string?> { ["Plugins:flaky:failures"] = "1000", ["Runtime:Delivery:FirstRetryAfter"] = "01:00:00" }))
        {
            await first.AcceptAsync("/v1/events", """{"id":"e1","name":"ping","user":"u1","time":"2026-12-01T10:00:00Z","properties":{}}""");
            // Decided and committed; the channel failed once and the retry waits for an hour that never comes.
            while (first.Count("deliveries") == 0)
            {
                await Task.Delay(10);
            }
            Assert.Equal(0, first.Count("outcomes"));
        }

        await using var second = await TestRuntime.StartAsync(folder, folder.Rules, clock,
            new Dictionary<string, string?> { ["Plugins:flaky:failures"] = "0" });
        await second.SettleDeliveriesAsync();

        Assert.Equal(
            """{"time":"2026-12-01T10:00:00Z","rule":"hello","user":"u1","channel":"flaky","status":"sent","trigger":"e1","fields":{"text":"hi u1"}}""" + "\n",
            await second.ExportAsync());
        Assert.Equal(0, second.Count("deliveries"));
    }
}
