namespace TriggerLang.Cli.Tests;

/// <summary>The outcome of one run: of `trig` in process (<see cref="Trig"/>), or of a program as a child process (<see cref="Processes"/>).</summary>
public sealed record TrigResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
