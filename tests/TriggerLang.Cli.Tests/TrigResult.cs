namespace TriggerLang.Cli.Tests;

/// <summary>The outcome of one in-process `trig` run.</summary>
public sealed record TrigResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
