using System.Diagnostics;

namespace TriggerLang.Cli.Tests;

/// <summary>Runs programs as child processes, as a user's shell would, with both streams captured.</summary>
internal static class Processes
{
    /// <summary>
    /// Runs <paramref name="program"/> (a path, or a name looked up on the PATH) in <paramref name="folder"/> to its end.
    /// A run that outlives <paramref name="timeout"/> is killed, with its children, and fails the test with what it printed.
    /// </summary>
    public static async Task<TrigResult> RunAsync(string program, IEnumerable<string> arguments, string folder, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(NpmFactAttribute.Which(program) ?? program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"`{program} {string.Join(' ', arguments)}` ran longer than {timeout.TotalSeconds} s:\n{await stdout}{await stderr}");
        }
        return new TrigResult(process.ExitCode, await stdout, await stderr);
    }
}
