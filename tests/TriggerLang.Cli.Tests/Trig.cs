namespace TriggerLang.Cli.Tests;

/// <summary>Runs the command line in process, as <c>trig ARGS…</c>, capturing its two streams.</summary>
public static class Trig
{
    public static TrigResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = TrigCli.Run(args, new CliConsole(output, error));
        return new TrigResult(exitCode, output.ToString(), error.ToString());
    }
}
