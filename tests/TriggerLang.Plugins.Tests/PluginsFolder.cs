namespace TriggerLang.Plugins.Tests;

/// <summary>
/// A plugins folder made for one test from the built test plugins
/// (<c>test-plugins/ASSEMBLY</c>, see the project file) and hand-written
/// folders; deleted on dispose.
/// </summary>
public sealed class PluginsFolder : IDisposable
{
    public PluginsFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"trig-plugins-{Guid.NewGuid():N}");

    /// <summary>The folder of a built test plugin, by assembly name (TestPlugins.Echo, ConsoleChannel…).</summary>
    public static string Built(string assembly) => System.IO.Path.Combine(AppContext.BaseDirectory, "test-plugins", assembly);

    /// <summary>Copies a built plugin in as <paramref name="folder"/>, optionally with another manifest.</summary>
    public PluginsFolder With(string assembly, string? folder = null, string? manifest = null)
    {
        var target = System.IO.Path.Combine(Path, folder ?? assembly);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(Built(assembly)))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }
        if (manifest is not null)
        {
            File.WriteAllText(System.IO.Path.Combine(target, PluginSdk.ManifestFileName), manifest);
        }
        return this;
    }

    /// <summary>A folder holding only a manifest.</summary>
    public PluginsFolder WithManifest(string folder, string manifest)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, folder));
        File.WriteAllText(System.IO.Path.Combine(Path, folder, PluginSdk.ManifestFileName), manifest);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
