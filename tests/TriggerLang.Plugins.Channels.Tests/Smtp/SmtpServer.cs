using System.Diagnostics;
using MimeKit;
using TriggerLang.Plugins.Channels.Tests.Http;

namespace TriggerLang.Plugins.Channels.Tests.Smtp;

/// <summary>
/// A real SMTP server on loopback (smtp_server.py, Python's aiosmtpd) that keeps what it receives in a folder.
/// CI installs aiosmtpd (.ci/run); elsewhere the tests are skipped when no Python has it (<see cref="SmtpFactAttribute"/>).
/// </summary>
internal sealed class SmtpServer : IDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _folder = new();

    public SmtpServer()
    {
        var python = Python ?? throw new InvalidOperationException(NoPython);
        Port = LocalHttpServer.FreePort();
        _process = Process.Start(new ProcessStartInfo(python)
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Smtp", "smtp_server.py"), Port.ToString(System.Globalization.CultureInfo.InvariantCulture), _folder.Path },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        // Slow machines start Python slowly: a generous wait, and the server's own error if it dies.
        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(30)) || ready.Result != "ready")
        {
            _process.Kill();
            throw new InvalidOperationException($"the SMTP server did not start: {_process.StandardError.ReadToEnd()}");
        }
    }

    public const string NoPython = "no Python with aiosmtpd: install it (apt-get install -y python3-aiosmtpd) to run the SMTP tests";

    /// <summary>A Python that has aiosmtpd (a pyenv or venv python3 may lack the system's packages), or null.</summary>
    public static string? Python { get; } = new[] { "python3", "/usr/bin/python3" }.FirstOrDefault(HasAiosmtpd);

    public int Port { get; }

    /// <summary>The messages received, in order.</summary>
    public IReadOnlyList<MimeMessage> Messages =>
        [.. Directory.GetFiles(_folder.Path, "*.eml").OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f), System.Globalization.CultureInfo.InvariantCulture)).Select(f => MimeMessage.Load(f))];

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill();
        }
        _process.Dispose();
        _folder.Dispose();
    }

    private static bool HasAiosmtpd(string python)
    {
        try
        {
            using var check = Process.Start(new ProcessStartInfo(python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true })!;
            check.WaitForExit();
            return check.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no such program
        }
    }
}
