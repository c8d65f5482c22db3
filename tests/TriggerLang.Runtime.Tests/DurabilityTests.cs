using Microsoft.Extensions.Time.Testing;

namespace TriggerLang.Runtime.Tests;

/// <summary>What was accepted survives a restart: pending sends are still there, fire on time, and decide as if nothing happened.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task After_a_restart_the_pending_sends_fire_and_the_export_equals_an_uninterrupted_run()
    {
        var example = Path.Combine(RepositoryPaths.Root, "examples", "cart-abandonment");
        var lines = File.ReadAllLines(Path.Combine(example, "events.jsonl"));
        // Up to e4 (2026-12-02T15:00): cart_recovery sends are pending, and e5 (a purchase) is still to come.
        var before = lines.Take(7).ToArray();
        var after = lines.Skip(7).ToArray();

        using var folder = new TempFolder().WithRulesFrom(example);
        var clock = new FakeTimeProvider(SimulatorParityTests.Start);
        await using (var first = await TestRuntime.StartAsync(folder, folder.Rules, clock))
        {
            await Replay.RunAsync(first, before, drain: false);
            Assert.NotNull(first.NextDue());
        }
        var pending = Count(folder, "pending");
        Assert.True(pending > 0);

        await using var second = await TestRuntime.StartAsync(folder, folder.Rules, clock);
        Assert.Equal(pending, second.Count("pending"));
        await Replay.RunAsync(second, after, drain: true);

        Assert.Equal(0, second.Count("pending"));
        Assert.Equal(File.ReadAllText(Path.Combine(example, "expected-outcomes.jsonl")), await second.ExportAsync());
    }

    public static TheoryData<string, int> Splits() => new()
    {
        // Digest batches collecting, follows, pending fan-out to followers.
        { "followers-digest", 7 },
        { "followers-digest", 12 },
        // message_sent follow-ups pending, once / reeligible history, limits.
        { "onboarding", 6 },
        { "onboarding", 11 },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public async Task A_restart_anywhere_decides_as_the_simulator(string example, int split)
    {
        var lines = example == "onboarding" ? Inputs.Onboarding : Inputs.FollowersDigest;
        using var folder = new TempFolder().WithRulesFrom(Path.Combine(RepositoryPaths.Root, "examples", example));
        var expected = Replay.Simulate(folder.Rules, folder.Plugins, lines);
        var clock = new FakeTimeProvider(SimulatorParityTests.Start);
        await using (var first = await TestRuntime.StartAsync(folder, folder.Rules, clock))
        {
            await Replay.RunAsync(first, lines.Take(split).ToArray(), drain: false);
        }

        await using var second = await TestRuntime.StartAsync(folder, folder.Rules, clock);
        // The untimed user records were applied by the first run; the rest go on from where it stopped.
        await Replay.RunAsync(second, lines.Skip(split).ToArray(), drain: true);

        Assert.Equal(expected, await second.ExportAsync());
    }

    [Fact]
    public async Task Input_accepted_before_a_stop_is_decided_after_the_restart()
    {
        using var folder = new TempFolder().WithRules("""
            event ping { }

            rule later on ping delay 1h send email "later"
            """);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        await using (var first = await TestRuntime.StartAsync(folder, folder.Rules, clock))
        {
            await first.AcceptAsync("/v1/users", """{"id":"u1","attributes":{"email":"u1@example.com"}}""");
            await first.AcceptAsync("/v1/events", """{"id":"e1","name":"ping","user":"u1","time":"2026-12-01T10:00:00Z","properties":{}}""");
            await first.SettleAsync();
        }

        await using var second = await TestRuntime.StartAsync(folder, folder.Rules, clock);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero), second.NextDue());
        // The producer retries what it sent before the stop: still recognised.
        using (var retry = await second.PostAsync("/v1/events", """{"id":"e1","name":"ping","user":"u1","time":"2026-12-01T10:00:00Z","properties":{}}"""))
        {
            Assert.Contains("\"duplicates\":1", await retry.Content.ReadAsStringAsync());
        }
        await second.DrainAsync();

        Assert.Equal(
            """{"time":"2026-12-01T11:00:00Z","rule":"later","user":"u1","channel":"email","status":"sent","trigger":"e1","fields":{"body":"later"}}""" + "\n",
            await second.ExportAsync());
    }

    private static long Count(TempFolder folder, string table)
    {
        using var connection = new Storage.Sqlite.Database(Path.Combine(folder.Path, "trig.db")).Open();
        return Dapper.SqlMapper.ExecuteScalar<long>(connection, $"SELECT COUNT(*) FROM {table}");
    }

    [Fact]
    public async Task A_send_that_came_due_while_the_runtime_was_down_is_decided_as_of_when_it_fires()
    {
        using var folder = new TempFolder().WithRules("""
            event ping { }

            rule later on ping delay 1h window 09:00-12:00 local send email "later"

            rule soon on ping delay 1h send email "soon"
            """);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        await using (var first = await TestRuntime.StartAsync(folder, folder.Rules, clock))
        {
            await first.AcceptAsync("/v1/users", """{"id":"u1","attributes":{"email":"u1@example.com","timezone":"UTC"}}""");
            await first.AcceptAsync("/v1/events", """{"id":"e1","name":"ping","user":"u1","time":"2026-12-01T10:00:00Z","properties":{}}""");
            await first.SettleAsync();
        }
        // Down from 10:00 to 13:00: both sends came due at 11:00, past the grace (LateAfter, 1 min by default).
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero));

        await using var second = await TestRuntime.StartAsync(folder, folder.Rules, clock);
        await second.SettleAsync();

        // The window is checked as of now (13:00, closed): the send waits for the next opening instead of going out late.
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), second.NextDue());
        var export = await second.ExportAsync();
        Assert.Contains("\"rule\":\"soon\",\"user\":\"u1\",\"channel\":\"email\",\"status\":\"sent\"", export);
        Assert.DoesNotContain("\"rule\":\"later\"", export);
        await second.DrainAsync();
        Assert.Contains("""{"time":"2026-12-02T09:00:00Z","rule":"later","user":"u1","channel":"email","status":"sent","trigger":"e1","fields":{"body":"later"}}""", await second.ExportAsync());
    }
}
