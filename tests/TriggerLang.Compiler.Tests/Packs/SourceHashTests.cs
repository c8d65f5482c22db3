using System.Text;
using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Packs;

namespace TriggerLang.Compiler.Tests.Packs;

/// <summary>The source hash names exactly what a pack is built from: not where the project lies, but every byte of its text.</summary>
public class SourceHashTests
{
    [Fact]
    public void The_same_project_in_two_folders_has_the_same_hash()
    {
        using var first = PackProjects.Create();
        using var second = PackProjects.Create();

        Assert.Equal(SourceHash.Compute(first.Compile()), SourceHash.Compute(second.Compile()));
    }

    [Fact]
    public void Inputs_are_the_trig_files_and_the_templates_used_by_relative_path_with_slashes()
    {
        using var project = PackProjects.Create().With("rules/templates/unused.liquid", "not used by any rule");

        var paths = SourceHash.Inputs(project.Compile()).Select(f => f.Path);

        Assert.Equal(["rules/recovery.trig", "rules/templates/cart.liquid", "schema.trig"], paths);
    }

    [Fact]
    public void The_order_files_are_given_in_does_not_matter()
    {
        HashedFile[] files = [new("a.trig", "event a {}"), new("b/c.trig", "event c {}"), new("b/t.liquid", "hi")];

        Assert.Equal(
            SourceHash.Compute(files, ChannelCatalog.BuiltIn, "1.0"),
            SourceHash.Compute(files.Reverse(), ChannelCatalog.BuiltIn, "1.0"));
    }

    [Fact]
    public void Contents_cannot_run_into_paths()
    {
        // Without length prefixes these two would hash the same concatenation.
        Assert.NotEqual(
            SourceHash.Compute([new("a.trig", "bc")], ChannelCatalog.BuiltIn, "1.0"),
            SourceHash.Compute([new("a.trig", "b"), new("c", "")], ChannelCatalog.BuiltIn, "1.0"));
    }

    [Fact]
    public void Line_endings_are_part_of_the_hash()
    {
        // Decided: the text is hashed as read. A CRLF template renders CRLF messages, so it is another pack.
        using var lf = PackProjects.Create();
        using var crlf = PackProjects.Create().With("schema.trig", PackProjects.Schema.ReplaceLineEndings("\r\n"));

        Assert.NotEqual(SourceHash.Compute(lf.Compile()), SourceHash.Compute(crlf.Compile()));
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_hash()
    {
        using var plain = PackProjects.Create();
        using var bom = PackProjects.Create().With("schema.trig", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(PackProjects.Schema)]);

        Assert.Equal(SourceHash.Compute(plain.Compile()), SourceHash.Compute(bom.Compile()));
    }

    [Fact]
    public void Changing_a_template_file_changes_the_hash()
    {
        using var project = PackProjects.Create();
        var before = SourceHash.Compute(project.Compile());

        project.With("rules/templates/cart.liquid", PackProjects.Template + "See you soon.\n");

        Assert.NotEqual(before, SourceHash.Compute(project.Compile()));
    }

    [Fact]
    public void A_template_no_rule_uses_does_not_change_the_hash()
    {
        using var project = PackProjects.Create();
        var before = SourceHash.Compute(project.Compile());

        project.With("rules/templates/other.liquid", "unused");

        Assert.Equal(before, SourceHash.Compute(project.Compile()));
    }

    [Fact]
    public void The_compiler_version_and_the_channels_are_part_of_the_hash()
    {
        HashedFile[] files = [new("a.trig", "event a {}")];
        var fewerChannels = new ChannelCatalog([ChannelCatalog.BuiltIn.Find("email")!]);

        var hash = SourceHash.Compute(files, ChannelCatalog.BuiltIn, "1.0");

        Assert.NotEqual(hash, SourceHash.Compute(files, ChannelCatalog.BuiltIn, "1.1"));
        Assert.NotEqual(hash, SourceHash.Compute(files, fewerChannels, "1.0"));
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }
}
