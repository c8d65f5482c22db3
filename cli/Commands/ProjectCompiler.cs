using TriggerLang.Compiler;
using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Project;

namespace TriggerLang.Cli.Commands;

/// <summary>Loads and compiles one project folder against the given channels, the way every command does.</summary>
internal static class ProjectCompiler
{
    public static (ProjectSources Sources, Compilation? Compilation) Compile(string directory, ChannelCatalog channels)
    {
        var sources = ProjectLoader.Load(directory);
        if (sources.Fatal is not null)
        {
            return (sources, null);
        }
        var options = CompilationOptions.Default with { Channels = channels, ProjectRoot = directory };
        return (sources, Compilation.Create(sources.Files, options, sources.Diagnostics));
    }
}
