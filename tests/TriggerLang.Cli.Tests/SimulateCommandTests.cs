using System.Diagnostics;
using System.Text.Json;

namespace TriggerLang.Cli.Tests;

/// <summary>`trig simulate DIR --input FILE.jsonl` (LANGUAGE.md §8, §9): outcomes on stdout, everything else on stderr.</summary>
public class SimulateCommandTests
{
    private static readonly string Example = Examples.Path("cart-abandonment");
    private static readonly string Input = Path.Combine(Example, "events.jsonl");

    /// <summary>
    /// The example's expected outcomes, kept beside it as documentation of what
    /// `trig simulate` prints. Re-record with TRIG_UPDATE_BASELINES=1.
    /// </summary>
    [Fact]
    public void The_example_simulates_to_its_expected_outcomes_byte_for_byte_every_time()
    {
        var first = Trig.Run("simulate", Example, "--input", Input);
        var second = Trig.Run("simulate", Example, "--input", Input);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(first.Out, second.Out);
        var expectedPath = Path.Combine(Example, "expected-outcomes.jsonl");
        if (Environment.GetEnvironmentVariable("TRIG_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(expectedPath, first.Out);
        }
        Assert.Equal(File.ReadAllText(expectedPath), first.Out);
        Assert.Equal("trig simulate: 7 events, 9 outcomes (5 sent, 4 suppressed, 0 failed), 2 conversions", first.Error.Trim());
    }

    [Fact]
    public void Explain_adds_the_chain_of_decisions_to_every_outcome()
    {
        var result = Trig.Run("simulate", Example, "--input", Input, "--explain");

        Assert.Equal(0, result.ExitCode);
        foreach (var line in result.OutLines)
        {
            using var outcome = JsonDocument.Parse(line);
            var explain = outcome.RootElement.GetProperty("explain").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Contains("triggered", explain[0]);
        }
        Assert.Contains(result.OutLines, l => l.Contains("\"reason\":\"exception\"") && l.Contains("exception: purchase e5 at 2026-12-02T15:10:00Z"));
    }

    [Fact]
    public void A_malformed_line_stops_with_file_and_line_and_exit_2()
    {
        using var project = new TempProject().With("events.jsonl", Lines(
            """{"type":"user","id":"u1","attributes":{"email":"a@example.com"}}""",
            """{"type":"event","id":"e1","name":"cart_abandoned","user":"u1","time":"2026-12-01T15:00:00Z","properties":{"cart_id":"c1","total":"lots","items":2}}"""));

        var result = Trig.Run("simulate", Example, "--input", project.File("events.jsonl"));

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.StartsWith($"{project.File("events.jsonl")}:2: ", result.Error);
        Assert.Contains("total", result.Error);
        Assert.Contains("--skip-invalid", result.Error);
    }

    [Fact]
    public void Skip_invalid_reports_each_bad_line_and_goes_on()
    {
        using var project = new TempProject().With("events.jsonl", Lines(
            """{"type":"user","id":"u1","attributes":{"email":"a@example.com","country":"US"}}""",
            "not json at all",
            """{"type":"event","id":"e1","name":"cart_abandoned","user":"u1","time":"2026-12-01T15:00:00Z","properties":{"cart_id":"c1","total":150,"items":2}}"""));

        var result = Trig.Run("simulate", Example, "--input", project.File("events.jsonl"), "--skip-invalid");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{project.File("events.jsonl")}:2: ", result.Error);
        Assert.Contains("1 invalid line skipped", result.Error);
        Assert.Contains(result.OutLines, l => l.Contains("\"rule\":\"cart_recovery\"") && l.Contains("\"status\":\"sent\""));
    }

    [Fact]
    public void Until_stops_the_virtual_clock_and_says_what_is_still_pending()
    {
        var result = Trig.Run("simulate", Example, "--input", Input, "--until", "2026-12-01T21:00:00Z");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.OutLines.Length); // cart_recovery and quick for u1 at 15:30
        Assert.Contains("still pending at --until", result.Error);
    }

    [Theory]
    [InlineData("--until", "tomorrow", "--until: \"tomorrow\" is not a time")]
    [InlineData("--input", "no-such-file.jsonl", "does not exist")]
    public void Bad_arguments_exit_2(string option, string value, string message)
    {
        var args = option == "--input" ? new[] { "simulate", Example, option, value } : ["simulate", Example, "--input", Input, option, value];

        var result = Trig.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void Rules_with_errors_exit_1_before_reading_input()
    {
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", Projects.BrokenRule);

        var result = Trig.Run("simulate", project.Path, "--input", Input);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("error TRG0301", result.Error);
    }

    [Fact]
    public async Task The_trig_process_reads_stdin_and_writes_outcomes_to_stdout()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "trig.dll"), "simulate", Example, "--input", "-" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(await File.ReadAllTextAsync(Input));
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(Example, "expected-outcomes.jsonl")), (await stdout).ReplaceLineEndings("\n"));
    }

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";
}
