using System.Text;

namespace TriggerLang.Cli.Tests;

/// <summary>
/// A rules project in a fresh folder under the working directory, so that it
/// can be passed to `trig` by a relative path (as in CI logs: diagnostics and
/// SARIF URIs stay relative). Deleted on dispose.
/// </summary>
public sealed class TempProject : IDisposable
{
    public TempProject()
    {
        Path = $"trig-test-{Guid.NewGuid():N}";
        Directory.CreateDirectory(FullPath);
    }

    /// <summary>The folder, relative to the working directory.</summary>
    public string Path { get; }

    public string FullPath => System.IO.Path.GetFullPath(Path);

    public TempProject With(string relativePath, string text) => With(relativePath, Encoding.UTF8.GetBytes(text));

    public TempProject With(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(FullPath, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllBytes(full, bytes);
        return this;
    }

    /// <summary>A path inside the project, relative to the working directory, with forward slashes as diagnostics print it.</summary>
    public string File(string relativePath) => $"{Path}/{relativePath}";

    public void Dispose()
    {
        // Links (some tests leave dangling ones) are deleted as they are; only real files need their permissions back.
        foreach (var file in Directory.EnumerateFiles(FullPath, "*", SearchOption.AllDirectories).Where(f => new FileInfo(f).LinkTarget is null))
        {
            System.IO.File.SetAttributes(file, FileAttributes.Normal);
            if (!OperatingSystem.IsWindows())
            {
                System.IO.File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        Directory.Delete(FullPath, recursive: true);
    }
}
