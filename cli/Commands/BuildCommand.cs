using static TriggerLang.Cli.Output.Counts;
using System.CommandLine;
using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Emit;
using TriggerLang.Compiler.Packs;

namespace TriggerLang.Cli.Commands;

/// <summary>
/// <c>trig build DIR -o OUT</c>: checks the project and, when it has no
/// errors, compiles it into a rule pack in OUT (<c>rules.dll</c>,
/// <c>manifest.json</c>, <c>RulePack.g.cs</c>). Diagnostics go to stdout as
/// with <c>trig check</c>, the summary to stderr; exit 0 built, 1 the project
/// has errors (nothing is written), 2 bad usage, unreadable input or an
/// unwritable OUT.
/// </summary>
internal static class BuildCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "The rules project folder (all .trig files in it, recursively)." };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The folder to write the rule pack to (created if needed; its pack files are replaced).",
            Required = true,
        };
        var plugins = new PluginOptions();
        var command = new Command("build", "Compile a rules project into a rule pack.") { directory, output };
        plugins.AddTo(command);
        command.SetAction(parse => PluginChannels.Checked(console, console.Out, plugins.Load(parse), "trig build", channels =>
            Run(console, parse.GetValue(directory)!, parse.GetValue(output)!, channels)));
        return command;
    }

    private static int Run(CliConsole console, string directory, string outDirectory, ChannelCatalog channels)
    {
        // Roslyn's cold start on the other core while this one reads and checks the project.
        RoslynWarmUp.Start();
        var (sources, compilation) = ProjectCompiler.Compile(directory, channels);
        if (sources.Fatal is { } fatal || compilation is null)
        {
            console.Error.WriteLine(sources.Fatal?.ToString());
            return ExitCodes.BadInput;
        }
        foreach (var diagnostic in compilation.Diagnostics)
        {
            console.Out.WriteLine(diagnostic.ToString());
        }
        var errors = compilation.Diagnostics.Count(d => d.IsError);
        if (errors > 0)
        {
            var warnings = compilation.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
            console.Error.WriteLine($"trig build: {Plural(sources.Files.Count, "file")}, {Plural(errors, "error")}, {Plural(warnings, "warning")}; "
                + "no rule pack written");
            return ExitCodes.Errors;
        }

        RulePackOutput result;
        try
        {
            result = RulePackWriter.Build(compilation, outDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"trig: error: cannot write the rule pack to `{outDirectory}`: {e.Message}");
            return ExitCodes.BadInput;
        }
        if (result.Manifest is not { } manifest)
        {
            // Generated code that does not compile is a bug in trig, reported as internal-error diagnostics.
            foreach (var diagnostic in result.Diagnostics)
            {
                console.Out.WriteLine(diagnostic.ToString());
            }
            console.Error.WriteLine($"trig build: {Plural(result.Diagnostics.Length, "error")}; no rule pack written");
            return ExitCodes.Errors;
        }
        console.Error.WriteLine($"trig build: {Plural(sources.Files.Count, "file")}, {Plural(manifest.Rules.Count, "rule")} → {outDirectory} "
            + $"(source hash {manifest.SourceHash[..12]})");
        return ExitCodes.Success;
    }

}
