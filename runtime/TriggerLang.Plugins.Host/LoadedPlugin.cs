using McMaster.NETCore.Plugins;
using TriggerLang.Compiler.Plugins;

namespace TriggerLang.Plugins.Hosting;

/// <summary>A plugin in its own load context, with its channels; disposing it unloads the context.</summary>
public sealed class LoadedPlugin : IDisposable
{
    private PluginLoader? _loader;

    internal LoadedPlugin(PluginManifest manifest, string sha256, PluginLoader loader, IReadOnlyList<IChannel> channels)
    {
        Manifest = manifest;
        Sha256 = sha256;
        _loader = loader;
        Channels = channels;
    }

    public PluginManifest Manifest { get; }

    /// <summary>The SHA-256 of the plugin's assembly file (hex), logged at load: which build is running.</summary>
    public string Sha256 { get; }

    public IReadOnlyList<IChannel> Channels { get; private set; }

    /// <summary>For the unload test: a weak reference to the load context, which must be collectable once the plugin is disposed.</summary>
    internal WeakReference LoadContextReference() => new(_loader?.LoadContext);

    public void Dispose()
    {
        // Drop every reference into the plugin before unloading, or the context cannot be collected.
        Channels = [];
        _loader?.Dispose();
        _loader = null;
    }
}
