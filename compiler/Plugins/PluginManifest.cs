using TriggerLang.Compiler.Channels;

namespace TriggerLang.Compiler.Plugins;

/// <summary>
/// A plugin's <c>trig-plugin.json</c> (plugins/README.md), as read without
/// loading its code: what the compiler type-checks <c>send</c> against and
/// what the runtime's plugin host loads.
/// </summary>
public sealed record PluginManifest(
    string Name,
    string Version,
    int Sdk,
    string Assembly,
    IReadOnlyList<ChannelDefinition> Channels,
    string Directory,
    string ManifestPath)
{
    /// <summary>The full path of the plugin's assembly, in its own folder.</summary>
    public string AssemblyPath => Path.GetFullPath(Path.Combine(Directory, Assembly));
}
