namespace TriggerLang.Cli.Tests;

/// <summary><c>trig check DIR…</c> (LANGUAGE.md §9): diagnostics on stdout, summary on stderr, exit 0 / 1 / 2.</summary>
public class CheckCommandTests
{
    [Fact]
    public void A_clean_project_exits_0_with_only_a_summary_on_stderr()
    {
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", Projects.CleanRule);

        var result = Trig.Run("check", project.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("trig check: 2 files, 0 errors, 0 warnings", result.Error.TrimEnd());
    }

    [Fact]
    public void Warnings_alone_exit_0_and_are_printed()
    {
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("nudges.trig", Projects.AnonymousRules);

        var result = Trig.Run("check", project.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.OutLines.Length);
        Assert.All(result.OutLines, line => Assert.StartsWith($"{project.File("nudges.trig")}(", line));
        Assert.All(result.OutLines, line => Assert.Contains("): warning TRG0207: ", line));
        Assert.Contains("0 errors, 2 warnings", result.Error);
    }

    [Fact]
    public void Errors_exit_1_with_one_msbuild_style_line_each_with_1_based_positions()
    {
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", Projects.BrokenRule);

        var result = Trig.Run("check", project.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
        [
            $"{project.File("rules.trig")}(2,6): error TRG0301: unknown event `cart_abandonned`; did you mean `cart_abandoned`?",
            $"{project.File("rules.trig")}(3,8): error TRG0305: unknown channel `emial`; did you mean `email`? "
                + "The available channels are email, in_app, push, sms, webhook",
        ], result.OutLines);
        Assert.Equal("trig check: 2 files, 2 errors, 0 warnings", result.Error.TrimEnd());
    }

    [Fact]
    public void Several_folders_are_checked_as_separate_projects_in_one_run()
    {
        using var clean = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", Projects.CleanRule);
        // No schema here: each folder is its own namespace, so cart_abandoned is unknown.
        using var other = new TempProject().With("rules.trig", Projects.CleanRule);

        var result = Trig.Run("check", clean.Path, other.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Collection(result.OutLines,
            line => Assert.StartsWith($"{other.File("rules.trig")}(2,6): error TRG0301: unknown event `cart_abandoned`", line),
            line => Assert.StartsWith($"{other.File("rules.trig")}(4,10): error TRG0301: unknown event `purchase`", line));
        Assert.Contains("trig check: 3 files, 2 errors, 0 warnings", result.Error);
    }

    [Fact]
    public void Files_in_subfolders_belong_to_the_project()
    {
        using var project = new TempProject().With("schema/events.trig", Projects.Schema).With("rules/cart/recovery.trig", Projects.CleanRule);

        var result = Trig.Run("check", project.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 files", result.Error);
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_reported_at_its_first_bad_byte_and_exits_1()
    {
        byte[] latin1 = [.. "event signup { plan: string }\n// caf"u8, 0xE9, .. "\n"u8];
        using var project = new TempProject().With("schema.trig", latin1);

        var result = Trig.Run("check", project.Path);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.OutLines);
        Assert.Equal($"{project.File("schema.trig")}(2,7): error TRG0103: this file is not valid UTF-8 (first bad byte at offset 36): save it as UTF-8", line);
    }

    [Fact]
    public void Output_option_writes_the_report_to_the_file_instead_of_stdout()
    {
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", Projects.BrokenRule);
        var report = Path.Combine(project.FullPath, "report.txt");

        var result = Trig.Run("check", project.Path, "-o", report);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        var lines = File.ReadAllLines(report);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{project.File("rules.trig")}(2,6): error TRG0301: ", lines[0]);
        Assert.Contains("2 errors", result.Error);
    }
}
