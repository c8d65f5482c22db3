using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace TriggerLang.Runtime.Tests;

/// <summary>
/// A pending send loaded at start keeps its explanation as the payload's JSON until it is read (PendingSend.ExplanationJson):
/// whether it then fires, gains a step (a digest's next event), or is written back unread (a new exception candidate),
/// the outcomes explain exactly what an uninterrupted run explains.
/// </summary>
public sealed class ExplanationTests
{
    public static TheoryData<string, int, int> Restarts() => new()
    {
        // Cart reminders pending across both restarts, a purchase arriving between them.
        { "cart-abandonment", 6, 8 },
        // Digest batches collecting across the restarts (a loaded explanation decoded and extended).
        { "followers-digest", 7, 12 },
        // message_sent follow-ups and windows (loaded sends written back with their explanation unread).
        { "onboarding", 6, 11 },
    };

    [Theory]
    [MemberData(nameof(Restarts))]
    public async Task Outcomes_after_two_restarts_are_explained_as_in_an_uninterrupted_run(string example, int first, int second)
    {
        var lines = Lines(example);
        var uninterrupted = await RunAsync(example, (0, lines.Length));
        var restarted = await RunAsync(example, (0, first), (first, second), (second, lines.Length));

        Assert.NotEmpty(uninterrupted);
        Assert.All(uninterrupted, outcome => Assert.NotNull(outcome.Explanation));
        Assert.Equal(uninterrupted, restarted);
    }

    /// <summary>Runs the lines of each part in a runtime of its own on the same database; the outcomes with their explanations.</summary>
    private static async Task<List<(string Line, string? Explanation)>> RunAsync(string example, params (int From, int To)[] parts)
    {
        var lines = Lines(example);
        using var folder = new TempFolder().WithRulesFrom(Path.Combine(RepositoryPaths.Root, "examples", example));
        var clock = new FakeTimeProvider(SimulatorParityTests.Start);
        for (var i = 0; i < parts.Length; i++)
        {
            await using var runtime = await TestRuntime.StartAsync(folder, folder.Rules, clock);
            var (from, to) = parts[i];
            await Replay.RunAsync(runtime, lines[from..to], drain: i == parts.Length - 1);
        }
        using var connection = new Storage.Sqlite.Database(Path.Combine(folder.Path, "trig.db")).Open();
        return [.. connection.Query<(string, string?)>("SELECT line, explanation FROM outcomes ORDER BY decision")];
    }

    private static string[] Lines(string example) => example switch
    {
        "onboarding" => Inputs.Onboarding,
        "followers-digest" => Inputs.FollowersDigest,
        _ => File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "examples", example, "events.jsonl")),
    };
}
