using System.Diagnostics;

namespace TriggerLang.Cli.Tests;

/// <summary>The built `trig` tool, run as a real process: what CI sees.</summary>
public class TrigProcessTests
{
    [Fact]
    public async Task The_trig_process_reports_errors_on_stdout_the_summary_on_stderr_and_exits_1()
    {
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", Projects.BrokenRule);
        var trig = Path.Combine(AppContext.BaseDirectory, "trig.dll");
        Assert.True(File.Exists(trig), $"{trig} not found next to the test assembly");

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { trig, "check", project.Path },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.GetCurrentDirectory(),
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal(
        [
            $"{project.File("rules.trig")}(2,6): error TRG0301: unknown event `cart_abandonned`; did you mean `cart_abandoned`?",
            $"{project.File("rules.trig")}(3,8): error TRG0305: unknown channel `emial`; did you mean `email`? "
                + "The available channels are email, in_app, push, sms, webhook",
        ], (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        Assert.Equal("trig check: 2 files, 2 errors, 0 warnings", (await stderr).Trim());
    }

    [Fact]
    public async Task TRIG_PLUGINS_is_the_default_plugins_folder()
    {
        using var plugins = new TempProject().With("slack/trig-plugin.json", Manifests.Chat());
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", "rule r on purchase send email \"Hi\"\n");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "trig.dll"), "check", project.Path },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.GetCurrentDirectory(),
            Environment = { ["TRIG_PLUGINS"] = plugins.Path },
        };

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal($"{project.File("rules.trig")}(1,25): error TRG0305: unknown channel `email`: the plugins in `{plugins.Path}` provide slack; "
            + "add a plugin that declares `email` there", (await stdout).Trim());
        Assert.Contains("1 error", await stderr);
    }
}
