namespace TriggerLang.Cli.Tests;

/// <summary><c>trig fmt DIR… [--check]</c>: rewrites files in the canonical layout, never a file that does not parse.</summary>
public class FormatCommandTests
{
    private const string OneLiner = "on cart_abandoned where total > 100 delay 30m send email \"Hi\"\n";

    private const string Canonical = "on cart_abandoned\n  where total > 100\n  delay 30m\n  send email \"Hi\"\n";

    [Fact]
    public void Fmt_rewrites_unformatted_files_lists_them_and_exits_0()
    {
        using var project = new TempProject().With("schema.trig", Projects.Schema + "\n").With("quick.trig", OneLiner);

        var result = Trig.Run("fmt", project.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(project.File("quick.trig"), result.OutLines);
        Assert.Equal(Canonical, File.ReadAllText(Path.Combine(project.FullPath, "quick.trig")));
        Assert.Contains("trig fmt:", result.Error);
    }

    [Fact]
    public void A_second_run_changes_nothing()
    {
        using var project = new TempProject().With("schema.trig", Projects.Schema + "\n").With("quick.trig", OneLiner);
        Trig.Run("fmt", project.Path);
        var before = File.ReadAllText(Path.Combine(project.FullPath, "schema.trig"));

        var result = Trig.Run("fmt", "--check", project.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.OutLines);
        Assert.Equal(before, File.ReadAllText(Path.Combine(project.FullPath, "schema.trig")));
    }

    [Fact]
    public void Check_lists_the_files_that_would_change_writes_nothing_and_exits_1()
    {
        using var project = new TempProject().With("quick.trig", OneLiner);

        var result = Trig.Run("fmt", "--check", project.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([project.File("quick.trig")], result.OutLines);
        Assert.Equal(OneLiner, File.ReadAllText(Path.Combine(project.FullPath, "quick.trig")));
    }

    [Fact]
    public void A_file_with_syntax_errors_is_reported_and_left_untouched()
    {
        const string broken = "rule r on cart_abandoned where total > send email \"x\"\n";
        using var project = new TempProject().With("broken.trig", broken).With("quick.trig", OneLiner);

        var result = Trig.Run("fmt", project.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.OutLines, line => line.StartsWith(project.File("broken.trig") + "(1,", StringComparison.Ordinal) && line.Contains(": error TRG"));
        Assert.Equal(broken, File.ReadAllText(Path.Combine(project.FullPath, "broken.trig")));
        Assert.Equal(Canonical, File.ReadAllText(Path.Combine(project.FullPath, "quick.trig")));
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_never_rewritten()
    {
        byte[] bytes = [.. "on e send email \"caf"u8, 0xE9, .. "\"\n"u8];
        using var project = new TempProject().With("latin1.trig", bytes);

        var result = Trig.Run("fmt", project.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.OutLines, line => line.Contains("TRG0103"));
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(project.FullPath, "latin1.trig")));
    }

    [Fact]
    public void A_missing_folder_exits_2()
    {
        var result = Trig.Run("fmt", "no-such-folder");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("TRG0104", result.Error);
    }
}
