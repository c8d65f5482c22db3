using System.CommandLine;
using TriggerLang.Compiler.Channels;
using TriggerLang.Engine;
using TriggerLang.Engine.Decision;
using TriggerLang.Engine.Simulation;
using static TriggerLang.Cli.Output.Counts;

namespace TriggerLang.Cli.Commands;

/// <summary>
/// <c>trig test DIR [--filter TEXT]</c>: runs the project's <c>test</c> blocks
/// (LANGUAGE.md §10) in virtual time. Each failed expectation is an MSBuild-style
/// error line at the <c>expect</c> (CI annotates it), followed by the outcomes
/// the rule actually had for that user and why. Exit 0 all passed, 1 a test
/// failed or the rules have errors, 2 bad usage or unreadable input.
/// </summary>
internal static class TestCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "The rules project folder (all .trig files in it, recursively)." };
        var filter = new Option<string?>("--filter") { Description = "Run only the tests whose name contains this text." };
        var plugins = new PluginOptions();
        var command = new Command("test", "Run the project's test blocks in virtual time.") { directory, filter };
        plugins.AddTo(command);
        command.SetAction(parse => PluginChannels.Checked(console, console.Out, plugins.Load(parse), "trig test", channels =>
            Run(console, parse.GetValue(directory)!, parse.GetValue(filter), channels)));
        return command;
    }

    private static int Run(CliConsole console, string directory, string? filter, ChannelCatalog channels)
    {
        var (project, exitCode) = RuleProjectLoader.Load(directory, channels, console.Out, console.Error);
        if (project is null)
        {
            return exitCode;
        }
        using (project)
        {
            var tests = project.Compilation.Model.Tests
                .Where(t => filter is null || t.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (tests.Count == 0)
            {
                console.Error.WriteLine(filter is null
                    ? $"trig test: no test blocks in {directory} (see `test` in docs/language.md)"
                    : $"trig test: no test name contains \"{filter}\"");
                return filter is null ? ExitCodes.Success : ExitCodes.BadInput;
            }
            var runner = project.CreateTestRunner();
            var failed = 0;
            foreach (var test in tests)
            {
                var result = runner.Run(test);
                Report(console.Out, result);
                failed += result.Passed ? 0 : 1;
            }
            console.Out.WriteLine($"trig test: {Plural(tests.Count, "test")}, {tests.Count - failed} passed, {failed} failed");
            return failed == 0 ? ExitCodes.Success : ExitCodes.Errors;
        }
    }

    private static void Report(TextWriter output, TestResult result)
    {
        output.WriteLine($"{(result.Passed ? "PASS" : "FAIL")} {result.Test.Name}");
        foreach (var warning in result.Run.Warnings)
        {
            output.WriteLine($"  warning: {warning}");
        }
        foreach (var failure in result.Failures)
        {
            output.WriteLine($"{failure.Location}: error: test \"{result.Test.Name}\": expected {failure.Expected}, but {failure.Problem}");
            if (failure.Actual.Count > 0)
            {
                output.WriteLine("  actual:");
            }
            foreach (var outcome in failure.Actual)
            {
                output.WriteLine($"    {Describe(outcome)}");
                foreach (var line in outcome.Explanation)
                {
                    output.WriteLine($"      · {line}");
                }
            }
        }
    }

    private static string Describe(Outcome outcome)
    {
        var reason = outcome.Reason is { } r ? " " + OutcomeNames.Of(r) : "";
        var fields = outcome.Fields.IsEmpty ? "" : " { " + string.Join(", ", outcome.Fields.Select(f => $"{f.Key}: \"{f.Value}\"")) + " }";
        return $"{IsoTime.Format(outcome.Time)} {OutcomeNames.Of(outcome.Status)}{reason} via {outcome.Channel} (trigger {outcome.Trigger}){fields}";
    }
}
