namespace TriggerLang.Cli.Tests;

/// <summary>Bad usage and unusable input exit with 2 and say why on stderr (LANGUAGE.md §9).</summary>
public class UsageTests
{
    [Fact]
    public void A_missing_folder_exits_2()
    {
        var result = Trig.Run("check", "no-such-folder");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("trig: error TRG0104: folder `no-such-folder` does not exist", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void A_file_instead_of_a_folder_exits_2()
    {
        using var project = new TempProject().With("schema.trig", Projects.Schema);

        var result = Trig.Run("check", project.File("schema.trig"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"`{project.File("schema.trig")}` is a file: pass the folder that holds the rules project", result.Error);
    }

    [Fact]
    public void A_folder_without_trig_files_exits_2_with_a_clear_message()
    {
        using var project = new TempProject().With("notes.txt", "not rules");

        var result = Trig.Run("check", project.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"no .trig files found in `{project.Path}`: pass the folder that holds the rules project", result.Error);
    }

    [Fact]
    public void One_bad_folder_among_good_ones_still_exits_2_and_reports_the_good_ones()
    {
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", Projects.BrokenRule);

        var result = Trig.Run("check", project.Path, "no-such-folder");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(2, result.OutLines.Length);
        Assert.Contains("folder `no-such-folder` does not exist", result.Error);
    }

    [Theory]
    [InlineData("check", "--bogus", ".")]
    [InlineData("check", "--format", "xml", ".")]
    [InlineData("check")]
    [InlineData("frobnicate")]
    [InlineData]
    public void Bad_usage_exits_2_with_a_hint_on_stderr(params string[] args)
    {
        var result = Trig.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEqual("", result.Error.Trim());
    }

    [UnreadableFileFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void An_unreadable_file_exits_2()
    {
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", Projects.CleanRule);
        File.SetUnixFileMode(Path.Combine(project.FullPath, "rules.trig"), UnixFileMode.None);

        var result = Trig.Run("check", project.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("TRG0102", result.Error);
        Assert.Contains($"cannot read `{project.File("rules.trig")}`", result.Error);
    }

    /// <summary>A .trig link whose target is gone cannot be read even by root, so this case runs everywhere.</summary>
    [Fact]
    public void A_trig_file_that_cannot_be_opened_exits_2_naming_the_file()
    {
        using var project = new TempProject().With("schema.trig", Projects.Schema);
        File.CreateSymbolicLink(Path.Combine(project.FullPath, "rules.trig"), Path.Combine(project.FullPath, "gone.trig"));

        var result = Trig.Run("check", project.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("trig: error TRG0102: cannot read `", result.Error);
        Assert.Contains("rules.trig", result.Error);
    }
}
