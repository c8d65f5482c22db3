using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TriggerLang.Compiler.Channels;
using TriggerLang.Engine;
using TriggerLang.Engine.Decision;
using TriggerLang.Engine.Records;
using TriggerLang.Engine.Simulation;
using static TriggerLang.Cli.Output.Counts;

namespace TriggerLang.Cli.Commands;

/// <summary>
/// <c>trig simulate DIR --input FILE.jsonl [--until T] [--explain] [--skip-invalid]</c>:
/// runs the rules over recorded input (LANGUAGE.md §8) in virtual time and
/// writes every outcome to stdout as JSON Lines, sorted. Diagnostics, warnings
/// and the summary go to stderr, with a progress bar when stderr is a terminal
/// and the input is large. A malformed input line stops the run with
/// <c>FILE:LINE: message</c> and exit 2, unless <c>--skip-invalid</c>; input is
/// decided as it is read, so the outcomes already final by then have been written.
/// Exit 0 done, 1 the rules have errors, 2 bad usage or bad input.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>Inputs at least this large get a progress bar (on a terminal).</summary>
    private const long ProgressThreshold = 4 * 1024 * 1024;

    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "The rules project folder (all .trig files in it, recursively)." };
        var input = new Option<string>("--input", "-i") { Description = "The recorded input: JSON Lines as LANGUAGE.md §8 (- for stdin).", Required = true };
        var until = new Option<string?>("--until") { Description = "Stop the virtual clock at this time (ISO-8601); by default it runs until no work is pending." };
        var explain = new Option<bool>("--explain") { Description = "Add to each outcome the chain of decisions that led to it." };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Report malformed input lines and go on, instead of stopping." };
        var command = new Command("simulate", "Run the rules over recorded events in virtual time; outcomes to stdout.")
        {
            directory, input, until, explain, skipInvalid,
        };
        var plugins = new PluginOptions();
        plugins.AddTo(command);
        command.SetAction(parse => PluginChannels.Checked(console, console.Error, plugins.Load(parse), "trig simulate", channels =>
            Run(console, parse.GetValue(directory)!, parse.GetValue(input)!, parse.GetValue(until), parse.GetValue(explain), parse.GetValue(skipInvalid), channels)));
        return command;
    }

    private static int Run(CliConsole console, string directory, string inputPath, string? untilText, bool explain, bool skipInvalid, ChannelCatalog channels)
    {
        DateTimeOffset? until = null;
        if (untilText is not null)
        {
            if (!DateTimeOffset.TryParse(untilText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                console.Error.WriteLine($"trig: --until: \"{untilText}\" is not a time; write it like 2026-12-01T15:00:00Z");
                return ExitCodes.BadInput;
            }
            until = parsed.ToUniversalTime();
        }
        if (inputPath != "-" && !File.Exists(inputPath))
        {
            console.Error.WriteLine($"trig: error: the input file `{inputPath}` does not exist");
            return ExitCodes.BadInput;
        }
        var (project, exitCode) = RuleProjectLoader.Load(directory, channels, console.Error, console.Error);
        if (project is null)
        {
            return exitCode;
        }
        using (project)
        {
            using var input = inputPath == "-" ? null : File.OpenRead(inputPath);
            var progress = input is not null && input.Length >= ProgressThreshold && ReferenceEquals(console, CliConsole.System)
                && !Console.IsErrorRedirected
                ? ProgressBar()
                : null;
            SimulationResult? result = null;
            var invalid = 0;
            void Simulate(ProgressContext? context)
            {
                var reading = context?.AddTask("simulating", maxValue: input!.Length);
                var parser = new RecordParser(project.Evaluators, project.Compilation.Model.Schema);
                // Records are decided as they are read, untimed ones first (§8), so that a large file is never held whole.
                // A file is read as UTF-8 bytes (no string per line); stdin through the console's text reader.
                var lines = input is null ? UntimedFirstReader.Read(Console.In, "stdin", parser) : UntimedFirstReader.Read(input, inputPath, parser);
                using var output = new OutcomeOutput(console, explain);
                var run = project.CreateSimulator(explain).Start(until, output.Write);
                foreach (var line in lines)
                {
                    if (line.Record is { } record)
                    {
                        run.Add(record);
                    }
                    else
                    {
                        console.Error.WriteLine(line.ToString());
                        invalid++;
                        if (!skipInvalid)
                        {
                            return;
                        }
                    }
                    reading?.Value = input!.Position;
                }
                reading?.Value = reading.MaxValue;
                result = run.Finish();
            }
            if (progress is null)
            {
                Simulate(null);
            }
            else
            {
                progress.Start(Simulate);
            }
            if (result is null)
            {
                console.Error.WriteLine("trig simulate: stopped at the first malformed line (use --skip-invalid to report them all and go on)");
                return ExitCodes.BadInput;
            }
            foreach (var warning in result.Warnings)
            {
                console.Error.WriteLine($"trig: warning: {warning}");
            }
            console.Error.WriteLine(Summary(result, invalid));
            return ExitCodes.Success;
        }
    }

    private static string Summary(SimulationResult result, int invalid)
    {
        var counts = result.Counts;
        var text = $"trig simulate: {Plural(result.EventsProcessed, "event")}, {Plural(counts.Total, "outcome")} "
            + $"({counts.Sent} sent, {counts.Suppressed} suppressed, {counts.Failed} failed), {Plural(result.Conversions.Count, "conversion")}";
        if (invalid > 0)
        {
            text += $", {Plural(invalid, "invalid line")} skipped";
        }
        if (result.PendingLeft > 0)
        {
            text += $", {Plural(result.PendingLeft, "send")} still pending at --until";
        }
        return text;
    }

    private static Progress ProgressBar() =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })
            .Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn());

    /// <summary>
    /// Where outcomes go as the simulation emits them: the process's stdout as UTF-8 bytes in large blocks
    /// (Console.Out flushes at every write), or a test's writer as text.
    /// </summary>
    private sealed class OutcomeOutput : IDisposable
    {
        private readonly CliConsole _console;
        private readonly bool _explain;
        private readonly Stream? _stdout;
        private readonly OutcomeJson.Writer? _writer;

        public OutcomeOutput(CliConsole console, bool explain)
        {
            _console = console;
            _explain = explain;
            if (ReferenceEquals(console, CliConsole.System))
            {
                console.Out.Flush();
                _stdout = Console.OpenStandardOutput();
                _writer = OutcomeJson.To(_stdout, explain);
            }
        }

        public void Write(Outcome outcome)
        {
            if (_writer is null)
            {
                OutcomeJson.Write(_console.Out, outcome, _explain);
            }
            else
            {
                _writer.Write(outcome);
            }
        }

        public void Dispose()
        {
            _writer?.Dispose();
            _stdout?.Dispose();
        }
    }
}
