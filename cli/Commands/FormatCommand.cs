using System.CommandLine;
using System.Text;
using TriggerLang.Compiler.Formatting;
using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Project;

namespace TriggerLang.Cli.Commands;

/// <summary>
/// <c>trig fmt DIR… [--check]</c>: rewrites every .trig file in the canonical
/// layout and lists the files it changed. With <c>--check</c> nothing is
/// written; the files that would change are listed and the exit code is 1 if
/// there are any. A file that does not parse (or is not UTF-8) is never
/// rewritten: its diagnostics are printed and the exit code is 1.
/// </summary>
internal static class FormatCommand
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Create(CliConsole console)
    {
        var directories = new Argument<string[]>("DIR")
        {
            Description = "Rules project folders; every .trig file in them (recursively) is formatted.",
            Arity = ArgumentArity.OneOrMore,
        };
        var check = new Option<bool>("--check") { Description = "Do not write; list the files that are not formatted and exit 1 if any." };
        var command = new Command("fmt", "Format rule files in the canonical layout.") { directories, check };
        command.SetAction(parse => Run(console, parse.GetValue(directories)!, parse.GetValue(check)));
        return command;
    }

    private static int Run(CliConsole console, string[] directories, bool checkOnly)
    {
        var changed = 0;
        var failed = 0;
        var total = 0;
        foreach (var directory in directories)
        {
            var sources = ProjectLoader.Load(directory);
            if (sources.Fatal is { } fatal)
            {
                console.Error.WriteLine(fatal.ToString());
                return ExitCodes.BadInput;
            }
            var unreadable = sources.Diagnostics.Where(d => d.Location is not null).Select(d => d.Location!.Value.File.Path).ToHashSet();
            foreach (var diagnostic in sources.Diagnostics)
            {
                console.Out.WriteLine(diagnostic.ToString());
            }
            failed += unreadable.Count;
            foreach (var file in sources.Files.Where(f => !unreadable.Contains(f.Path)))
            {
                total++;
                var tree = TrigParser.Parse(file);
                if (tree.HasErrors)
                {
                    foreach (var diagnostic in tree.Diagnostics.Where(d => d.IsError))
                    {
                        console.Out.WriteLine(diagnostic.ToString());
                    }
                    failed++;
                    continue;
                }
                var formatted = TrigFormatter.Format(tree);
                if (formatted == file.Text)
                {
                    continue;
                }
                changed++;
                console.Out.WriteLine(file.Path);
                if (!checkOnly)
                {
                    File.WriteAllText(file.Path, formatted, Utf8NoBom);
                }
            }
        }
        var verb = checkOnly ? "would reformat" : "reformatted";
        console.Error.WriteLine($"trig fmt: {Output.Counts.Plural(total, "file")}, {verb} {changed}"
            + (failed > 0 ? $", {failed} not formatted because of errors" : ""));
        return failed > 0 || checkOnly && changed > 0 ? ExitCodes.Errors : ExitCodes.Success;
    }
}
