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

    /// <param name="shows">What the expected output must hold, so that the comparison covers the feature it is about.</param>
    [Theory]
    [InlineData("onboarding", new[] { "\"rule\":\"nudge\"", "\"reason\":\"capped\"" })] // message_sent, once, reeligible, limits
    [InlineData("followers-digest", new[] { "\"rule\":\"weekly_comments\"", "\"rule\":\"daily_likes\"" })] // followers, digests
    public async Task Examples_without_recorded_events_match_the_simulator(string example, string[] shows)
    {
        var inputs = example == "onboarding" ? Inputs.Onboarding : Inputs.FollowersDigest;
        using var folder = new TempFolder().WithRulesFrom(Path.Combine(RepositoryPaths.Root, "examples", example));
        var expected = Replay.Simulate(folder.Rules, folder.Plugins, inputs);
        Assert.All(shows, text => Assert.Contains(text, expected));
        await using var runtime = await TestRuntime.StartAsync(folder, folder.Rules, new FakeTimeProvider(Start));

        await Replay.RunAsync(runtime, inputs);

        Assert.Equal(expected, await runtime.ExportAsync());
    }
}
