using System.Text;
using TriggerLang.Compiler.Project;

namespace TriggerLang.Compiler.Tests.Packs;

/// <summary>A fresh folder under the system temp folder, deleted on dispose: a project on disk, a pack, or a cache.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("trig-packs-").FullName;

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public TempFolder With(string relativePath, string text) => With(relativePath, Encoding.UTF8.GetBytes(text));

    public TempFolder With(string relativePath, byte[] bytes)
    {
        var full = this[relativePath];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    /// <summary>The folder as a project, compiled the way the command line compiles it.</summary>
    public Compilation Compile(CompilationOptions? options = null)
    {
        var sources = ProjectLoader.Load(Path);
        Assert.Null(sources.Fatal);
        return Compilation.Create(sources.Files, (options ?? CompilationOptions.Default) with { ProjectRoot = Path }, sources.Diagnostics);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
