using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TriggerLang.Cli.Tests;

/// <summary>What tests that start `trig run` as a process need: a port to give it, and to know when it serves.</summary>
internal static class TrigServer
{
    /// <summary>A loopback port free right now, for <c>--urls</c>.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Waits until <paramref name="trig"/> answers <c>/healthz</c>; fails the test if it exits first or takes longer than
    /// <paramref name="timeout"/>.
    /// </summary>
    public static async Task WaitHealthyAsync(HttpClient http, Process trig, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            Assert.False(trig.HasExited, $"trig run exited with {(trig.HasExited ? trig.ExitCode : 0)} while starting");
            try
            {
                using var answer = await http.GetAsync("/healthz");
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        Assert.Fail($"trig run did not answer /healthz within {timeout.TotalSeconds} s");
    }
}
