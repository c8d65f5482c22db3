using TriggerLang.Compiler.Channels;
using TriggerLang.Engine;
using TriggerLang.Engine.Rendering;

namespace TriggerLang.Cli.Commands;

/// <summary>
/// Compiles a project and loads its rule pack (from the pack cache when the
/// sources are unchanged), for the commands that run rules: <c>simulate</c>
/// and <c>test</c>. Diagnostics are written to <paramref name="diagnostics"/>;
/// on failure the exit code says why (1 errors in the rules, 2 unreadable input).
/// </summary>
internal static class RuleProjectLoader
{
    public static (RuleProject? Project, int ExitCode) Load(string directory, ChannelCatalog channels, TextWriter diagnostics, TextWriter errors)
    {
        var load = RuleProject.Open(directory, channels, RenderLimits.Default);
        if (load.Fatal is { } fatal)
        {
            errors.WriteLine(fatal.ToString());
            return (null, ExitCodes.BadInput);
        }
        foreach (var diagnostic in load.Diagnostics)
        {
            diagnostics.WriteLine(diagnostic.ToString());
        }
        if (load.RulesHaveErrors)
        {
            errors.WriteLine($"trig: the rules in {directory} have errors; fix them first (`trig check {directory}`)");
        }
        return (load.Project, load.Project is null ? ExitCodes.Errors : ExitCodes.Success);
    }
}
