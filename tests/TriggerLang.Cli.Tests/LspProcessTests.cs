using System.Diagnostics;
using System.Text;

namespace TriggerLang.Cli.Tests;

/// <summary>`trig lsp` as a real process, spoken to in raw LSP framing: what an editor sees.</summary>
public class LspProcessTests
{
    [Fact]
    public Task Trig_lsp_answers_initialize_on_stdout_and_exits_0_after_shutdown_and_exit() =>
        AnswersInitializeAndExits(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "trig.dll"), "lsp", "--stdio" },
        });

    /// <summary>
    /// Starts <paramref name="start"/>, a `trig lsp` command line, and asserts what an editor needs of it: initialize is
    /// answered with the server's capabilities, shutdown and exit end it with 0, and nothing is written to stderr.
    /// </summary>
    internal static async Task AnswersInitializeAndExits(ProcessStartInfo start)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stdin = process.StandardInput.BaseStream;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await Send(stdin, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}""");
        var response = await Receive(process.StandardOutput.BaseStream, timeout.Token);
        await Send(stdin, """{"jsonrpc":"2.0","id":2,"method":"shutdown"}""");
        await Send(stdin, """{"jsonrpc":"2.0","method":"exit"}""");
        await process.WaitForExitAsync(timeout.Token);

        Assert.Contains("\"id\":1", response, StringComparison.Ordinal);
        Assert.Contains("\"hoverProvider\":true", response, StringComparison.Ordinal);
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", (await stderr).Trim());
    }

    private static async Task Send(Stream stdin, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        await stdin.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        await stdin.WriteAsync(body);
        await stdin.FlushAsync();
    }

    /// <summary>Reads one framed message: headers up to a blank line, then Content-Length bytes.</summary>
    private static async Task<string> Receive(Stream stdout, CancellationToken cancellation)
    {
        var header = new StringBuilder();
        var one = new byte[1];
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            Assert.Equal(1, await stdout.ReadAsync(one, cancellation));
            header.Append((char)one[0]);
        }
        var length = int.Parse(header.ToString().Split("\r\n")
            .Single(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))["Content-Length:".Length..].Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
        var body = new byte[length];
        await stdout.ReadExactlyAsync(body, cancellation);
        return Encoding.UTF8.GetString(body);
    }
}
