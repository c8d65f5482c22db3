using TriggerLang.Compiler;
using TriggerLang.Compiler.Emit;
using TriggerLang.Compiler.Project;
using TriggerLang.Compiler.Text;
using TriggerLang.Engine.Rendering;

namespace TriggerLang.Engine.Tests;

/// <summary>Projects opened the way a host opens them (checked, compiled, pack loaded), from a folder on disk or from one file's text.</summary>
internal static class RuleProjects
{
    public static RuleProject FromFolder(string directory)
    {
        var sources = ProjectLoader.Load(directory);
        Assert.Null(sources.Fatal);
        return From(Compilation.Create(sources.Files, CompilationOptions.Default with { ProjectRoot = directory }, sources.Diagnostics));
    }

    /// <summary>A one-file project (<c>rules.trig</c>) given as text.</summary>
    public static RuleProject FromText(string text) => From(Compilation.Create([new SourceFile("rules.trig", text)]));

    /// <summary>The compiled pack of a project without errors; a compile failure names its diagnostics.</summary>
    public static LoadedRulePack Pack(Compilation compilation)
    {
        var build = RulePackCompiler.Compile(compilation);
        return build.Succeeded
            ? LoadedRulePack.Load(build.Assembly!)
            : throw new InvalidOperationException("the test project did not build:\n" + string.Join("\n", build.Diagnostics));
    }

    private static RuleProject From(Compilation compilation)
    {
        Assert.Empty(compilation.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        return new RuleProject(compilation, Pack(compilation), RenderLimits.Default);
    }
}
