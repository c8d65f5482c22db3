using System.CommandLine;
using TriggerLang.Cli.Output;
using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Diagnostics;

namespace TriggerLang.Cli.Commands;

/// <summary>
/// <c>trig check DIR… [--format text|sarif] [--output FILE] [--plugins DIR]</c>: parse and
/// type-check each project folder. Text diagnostics go to stdout in MSBuild
/// style, the summary to stderr; exit 0 clean or warnings only, 1 errors,
/// 2 bad usage or unreadable input.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var directories = new Argument<string[]>("DIR")
        {
            Description = "Rules project folders (all .trig files in each, recursively, form one project).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (MSBuild style, the default) or sarif (SARIF 2.1.0 for code scanning).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "sarif");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of stdout." };

        var plugins = new PluginOptions();
        var command = new Command("check", "Parse and type-check rule projects.") { directories, format, output };
        plugins.AddTo(command);
        command.SetAction(parse => Run(console, parse.GetValue(directories)!, parse.GetValue(format)!, parse.GetValue(output), plugins.Load(parse)));
        return command;
    }

    private static int Run(CliConsole console, string[] directories, string format, string? outputPath,
        (ChannelCatalog Channels, IReadOnlyList<Diagnostic> Problems) plugins)
    {
        // Manifest problems come first, once: every project is checked against the same channels.
        var diagnostics = new List<Diagnostic>(plugins.Problems);
        var fatal = new List<Diagnostic>();
        var fileCount = 0;
        if (PluginOptions.IsFatal(plugins.Problems))
        {
            console.Error.WriteLine(plugins.Problems[0].ToString());
            return ExitCodes.BadInput;
        }
        foreach (var directory in directories)
        {
            var (sources, compilation) = ProjectCompiler.Compile(directory, plugins.Channels);
            fileCount += sources.Files.Count;
            if (sources.Fatal is { } problem)
            {
                // Unusable input is said on stderr, so that stdout holds only the diagnostics of projects that were checked.
                console.Error.WriteLine(problem.ToString());
                fatal.Add(problem);
            }
            if (compilation is not null)
            {
                diagnostics.AddRange(compilation.Diagnostics);
            }
        }

        using var writer = outputPath is null ? null : new StreamWriter(outputPath);
        var target = writer ?? console.Out;
        if (format == "sarif")
        {
            SarifWriter.Write(target, [.. fatal, .. diagnostics]);
        }
        else
        {
            foreach (var diagnostic in diagnostics)
            {
                target.WriteLine(diagnostic.ToString());
            }
        }

        var errors = diagnostics.Count(d => d.IsError) + fatal.Count;
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        console.Error.WriteLine($"trig check: {Counts.Plural(fileCount, "file")}, {Counts.Plural(errors, "error")}, {Counts.Plural(warnings, "warning")}");
        return fatal.Count > 0 ? ExitCodes.BadInput : errors > 0 ? ExitCodes.Errors : ExitCodes.Success;
    }
}
