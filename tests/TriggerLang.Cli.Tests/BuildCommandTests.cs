using System.Text.Json;

namespace TriggerLang.Cli.Tests;

/// <summary>`trig build DIR -o OUT` writes a rule pack for a project without errors (LANGUAGE.md §9).</summary>
public class BuildCommandTests
{
    [Theory]
    [InlineData("cart-abandonment", new[] { "cart_recovery", "checkout_help", "quick" })]
    [InlineData("followers-digest", null)]
    [InlineData("onboarding", null)]
    public void An_example_builds_into_a_pack_whose_manifest_lists_its_rules(string example, string[]? someRules)
    {
        using var output = new TempProject();

        var result = Trig.Run("build", Examples.Path(example), "-o", output.Path);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        foreach (var file in new[] { "rules.dll", "manifest.json", "RulePack.g.cs" })
        {
            Assert.True(File.Exists(Path.Combine(output.FullPath, file)), $"{file} missing");
        }
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.FullPath, "manifest.json")));
        var rules = manifest.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.NotEmpty(rules);
        Assert.All(someRules ?? [], rule => Assert.Contains(rule, rules));
        Assert.Equal(1, manifest.RootElement.GetProperty("formatVersion").GetInt32());
        Assert.Matches($@"^trig build: \d+ files, {rules.Count} rules? → {output.Path} \(source hash [0-9a-f]{{12}}\)", result.Error);
    }

    [Fact]
    public void Warnings_are_printed_and_the_pack_is_still_built()
    {
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", Projects.AnonymousRules);
        using var output = new TempProject();

        var result = Trig.Run("build", project.Path, "-o", output.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.OutLines.Length);
        Assert.All(result.OutLines, line => Assert.Contains(": warning ", line));
        Assert.True(File.Exists(Path.Combine(output.FullPath, "manifest.json")));
    }

    [Fact]
    public void A_project_with_errors_prints_them_like_check_exits_1_and_writes_nothing()
    {
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", Projects.BrokenRule);
        using var output = new TempProject();

        var result = Trig.Run("build", project.Path, "-o", output.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(Trig.Run("check", project.Path).OutLines, result.OutLines);
        Assert.Equal("trig build: 2 files, 2 errors, 0 warnings; no rule pack written", result.Error.Trim());
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.FullPath));
    }

    [Fact]
    public void A_missing_folder_exits_2()
    {
        using var output = new TempProject();

        var result = Trig.Run("build", "no-such-folder", "-o", output.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("folder `no-such-folder` does not exist", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void An_output_that_cannot_be_written_exits_2()
    {
        using var project = new TempProject().With("schema.trig", Projects.Schema).With("rules.trig", Projects.CleanRule);

        var result = Trig.Run("build", project.Path, "-o", project.File("schema.trig"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"trig: error: cannot write the rule pack to `{project.File("schema.trig")}`", result.Error);
    }

    [Theory]
    [InlineData("build", ".")]
    [InlineData("build", "-o", "out")]
    [InlineData("build", ".", "-o")]
    [InlineData("build", ".", "-o", "out", "--bogus")]
    public void Bad_usage_exits_2(params string[] args)
    {
        var result = Trig.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Run `trig --help` for usage.", result.Error);
    }
}
