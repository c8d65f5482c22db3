using TriggerLang.Compiler.Packs;
using TriggerLang.Compiler.Project;

namespace TriggerLang.Compiler.Tests.Packs;

/// <summary>A pack is read back only when it is whole and, given the project, built from exactly those sources.</summary>
public class RulePackReaderTests
{
    [Fact]
    public void A_written_pack_reads_back_and_loads()
    {
        using var project = PackProjects.Create();
        using var output = new TempFolder();
        var written = Build(project, output);

        var pack = RulePackReader.Read(output.Path, project.Compile());

        Assert.Equal(written.ToJson(), pack.Manifest.ToJson());
        Assert.True(File.Exists(output[PackFiles.Source]));
        using var loaded = pack.Load();
        Assert.NotNull(loaded.Evaluators.NewEvent("cart_abandoned"));
    }

    [Fact]
    public void A_pack_can_be_checked_against_a_project_folder()
    {
        using var project = PackProjects.Create();
        using var output = new TempFolder();
        Build(project, output);

        var pack = RulePackReader.Read(output.Path, ProjectLoader.Load(project.Path));

        Assert.Equal("recovery", Assert.Single(pack.Manifest.Rules).Name);
    }

    [Fact]
    public void A_tampered_assembly_is_refused()
    {
        using var project = PackProjects.Create();
        using var output = new TempFolder();
        Build(project, output);
        var bytes = File.ReadAllBytes(output[PackFiles.Assembly]);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(output[PackFiles.Assembly], bytes);

        var error = Assert.Throws<RulePackException>(() => RulePackReader.Read(output.Path));

        Assert.StartsWith($"rule pack {output.Path}: rules.dll is not the assembly the manifest describes", error.Message);
    }

    [Fact]
    public void A_pack_of_other_sources_is_refused_with_how_to_rebuild_it()
    {
        using var project = PackProjects.Create();
        using var output = new TempFolder();
        var manifest = Build(project, output);
        project.With("rules/templates/cart.liquid", "Changed after the build.");

        var error = Assert.Throws<RulePackException>(() => RulePackReader.Read(output.Path, project.Compile()));

        Assert.Equal(
            $"rule pack {output.Path} was built from different sources (hash {manifest.SourceHash[..12]}…, "
            + $"the sources hash to {SourceHash.Compute(project.Compile())[..12]}…); rebuild it with trig build {project.Path} -o {output.Path}",
            error.Message);
    }

    [Fact]
    public void A_pack_from_another_compiler_is_refused()
    {
        using var project = PackProjects.Create();
        using var output = new TempFolder();
        var manifest = Build(project, output);
        File.WriteAllText(output[PackFiles.Manifest], (manifest with { CompilerVersion = "0.0.1" }).ToJson());

        var error = Assert.Throws<RulePackException>(() => RulePackReader.Read(output.Path));

        Assert.Contains("was built by trig 0.0.1", error.Message);
    }

    [Theory]
    [InlineData("{ \"formatVersion\": 1 }", "manifest.json is damaged")]
    [InlineData("not json", "manifest.json is damaged")]
    [InlineData(null, "has no manifest.json")]
    public void A_damaged_or_missing_manifest_is_refused(string? manifest, string expected)
    {
        using var project = PackProjects.Create();
        using var output = new TempFolder();
        Build(project, output);
        if (manifest is null)
        {
            File.Delete(output[PackFiles.Manifest]);
        }
        else
        {
            File.WriteAllText(output[PackFiles.Manifest], manifest);
        }

        var error = Assert.Throws<RulePackException>(() => RulePackReader.Read(output.Path));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_manifest_of_another_format_is_refused()
    {
        using var project = PackProjects.Create();
        using var output = new TempFolder();
        var manifest = Build(project, output);
        File.WriteAllText(output[PackFiles.Manifest], (manifest with { FormatVersion = 2 }).ToJson());

        var error = Assert.Throws<RulePackException>(() => RulePackReader.Read(output.Path));

        Assert.Contains("has manifest format 2; this trig reads format 1", error.Message);
    }

    [Fact]
    public void A_missing_pack_folder_is_refused()
    {
        var error = Assert.Throws<RulePackException>(() => RulePackReader.Read("no-such-pack"));

        Assert.Equal("rule pack no-such-pack does not exist", error.Message);
    }

    private static RulePackManifest Build(TempFolder project, TempFolder output)
    {
        var result = RulePackWriter.Build(project.Compile(), output.Path);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Manifest!;
    }
}
