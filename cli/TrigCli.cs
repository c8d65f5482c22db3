using System.CommandLine;
using TriggerLang.Cli.Commands;

namespace TriggerLang.Cli;

/// <summary>The <c>trig</c> command line (LANGUAGE.md §9). Usage errors exit with 2.</summary>
public static class TrigCli
{
    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("TriggerLang: rules-as-code for triggered customer messaging.")
        {
            CheckCommand.Create(console),
            BuildCommand.Create(console),
            FormatCommand.Create(console),
            SimulateCommand.Create(console),
            TestCommand.Create(console),
            LspCommand.Create(),
            RunCommand.Create(console),
        };
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                console.Error.WriteLine($"trig: {error.Message}");
            }
            console.Error.WriteLine("Run `trig --help` for usage.");
            return ExitCodes.BadInput;
        }
        return result.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }
}
