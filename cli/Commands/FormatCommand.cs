using System.CommandLine;

namespace TriggerLang.Cli.Commands;

internal static class FormatCommand
{
    public static Command Create(CliConsole console) => new("fmt", "Format rule files (coming with the formatter).");
}
