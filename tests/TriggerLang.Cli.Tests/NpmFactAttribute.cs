namespace TriggerLang.Cli.Tests;

/// <summary>
/// A fact that needs Node and npm. Skipped, with the reason, when they are
/// missing — except in CI (the <c>CI</c> environment variable is set), where
/// a missing tool must fail the run rather than hide the test.
/// </summary>
public sealed class NpmFactAttribute : FactAttribute
{
    public NpmFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) && (Which("npm") is null || Which("node") is null))
        {
            Skip = "needs node and npm on the PATH (CI installs them)";
        }
    }

    public static string? Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .SelectMany(folder => new[] { Path.Combine(folder, tool), Path.Combine(folder, tool + ".cmd"), Path.Combine(folder, tool + ".exe") })
            .FirstOrDefault(File.Exists);
}
