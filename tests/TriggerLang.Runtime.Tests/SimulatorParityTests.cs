using Microsoft.Extensions.Time.Testing;

namespace TriggerLang.Runtime.Tests;

/// <summary>
/// The runtime decides exactly as the simulator (LANGUAGE.md §7, §11): fed the same input through HTTP with the
/// clock at each record's time, and firing each send at its due time, its outcome export is the simulator's output,
/// byte for byte.
/// </summary>
public sealed class SimulatorParityTests
{
    internal static readonly DateTimeOffset Start = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Cart_abandonment_export_equals_the_golden_simulate_output()
    {
        var example = Path.Combine(RepositoryPaths.Root, "examples", "cart-abandonment");
        using var folder = new TempFolder().WithRulesFrom(example);
        await using var runtime = await TestRuntime.StartAsync(folder, folder.Rules, new FakeTimeProvider(Start));

        await Replay.RunAsync(runtime, File.ReadAllLines(Path.Combine(example, "events.jsonl")));

        Assert.Equal(File.ReadAllText(Path.Combine(example, "expected-outcomes.jsonl")), await runtime.ExportAsync());
    }

    [Fact]
    public async Task Onboarding_with_message_sent_once_reeligible_and_limits_matches_the_simulator()
    {
        using var folder = new TempFolder().WithRulesFrom(Path.Combine(RepositoryPaths.Root, "examples", "onboarding"));
        var expected = Replay.Simulate(folder.Rules, folder.Plugins, Inputs.Onboarding);
        Assert.Contains("\"rule\":\"nudge\"", expected);
        Assert.Contains("\"reason\":\"capped\"", expected);
        await using var runtime = await TestRuntime.StartAsync(folder, folder.Rules, new FakeTimeProvider(Start));

        await Replay.RunAsync(runtime, Inputs.Onboarding);

        Assert.Equal(expected, await runtime.ExportAsync());
    }

    [Fact]
    public async Task Followers_and_digests_match_the_simulator()
    {
        using var folder = new TempFolder().WithRulesFrom(Path.Combine(RepositoryPaths.Root, "examples", "followers-digest"));
        var expected = Replay.Simulate(folder.Rules, folder.Plugins, Inputs.FollowersDigest);
        Assert.Contains("\"rule\":\"weekly_comments\"", expected);
        Assert.Contains("\"rule\":\"daily_likes\"", expected);
        await using var runtime = await TestRuntime.StartAsync(folder, folder.Rules, new FakeTimeProvider(Start));

        await Replay.RunAsync(runtime, Inputs.FollowersDigest);

        Assert.Equal(expected, await runtime.ExportAsync());
    }
}
