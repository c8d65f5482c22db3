namespace TriggerLang.Cli.Tests;

/// <summary>
/// A fact that needs a file the process cannot read. It is skipped, with the
/// reason, where <c>chmod 000</c> does not make a file unreadable: on Windows,
/// and when running as root (as in many CI containers).
/// </summary>
public sealed class UnreadableFileFactAttribute : FactAttribute
{
    public UnreadableFileFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes only";
        }
        else if (CanReadModeZeroFiles())
        {
            Skip = "this process can read a file with mode 000 (running as root?), so no file is unreadable here";
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool CanReadModeZeroFiles()
    {
        var probe = Path.GetTempFileName();
        try
        {
            File.SetUnixFileMode(probe, UnixFileMode.None);
            File.ReadAllBytes(probe);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            File.SetUnixFileMode(probe, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Delete(probe);
        }
    }
}
