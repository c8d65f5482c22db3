using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Diagnostics;

namespace TriggerLang.Cli.Commands;

/// <summary>
/// For the commands that produce something (build, simulate, test): the
/// manifests' problems are printed and stop the command, since a pack or a
/// run against half the channels would mislead. <c>trig check</c> instead
/// goes on and reports the rules' errors too.
/// </summary>
internal static class PluginChannels
{
    public static int Checked(CliConsole console, TextWriter diagnostics, (ChannelCatalog Channels, IReadOnlyList<Diagnostic> Problems) plugins,
        string command, Func<ChannelCatalog, int> run)
    {
        foreach (var problem in plugins.Problems)
        {
            diagnostics.WriteLine(problem.ToString());
        }
        if (PluginOptions.IsFatal(plugins.Problems))
        {
            return ExitCodes.BadInput;
        }
        if (plugins.Problems.Any(p => p.IsError))
        {
            console.Error.WriteLine($"{command}: the plugin manifests have errors; fix them first (`trig check --plugins …` lists them all)");
            return ExitCodes.Errors;
        }
        return run(plugins.Channels);
    }
}
