using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Diagnostics;

namespace TriggerLang.Compiler.Plugins;

/// <summary>
/// The channels a project is compiled against, chosen the same way by
/// <c>trig check</c> and the language server: a plugins folder's manifests
/// when one is given (else the folder in <see cref="EnvironmentVariable"/>),
/// else the built-in channels of LANGUAGE.md §6.
/// </summary>
public static class ChannelCatalogLoader
{
    public const string EnvironmentVariable = "TRIG_PLUGINS";

    /// <summary>The folder named by <see cref="EnvironmentVariable"/>, or null when it is unset or empty.</summary>
    public static string? FolderFromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } folder ? folder : null;

    /// <summary>
    /// The channels, and the manifests' problems for the caller to report; the
    /// channels of the valid manifests are usable either way. <paramref name="choices"/>
    /// maps a channel to the plugin that delivers it when several declare it.
    /// </summary>
    public static (ChannelCatalog Channels, IReadOnlyList<Diagnostic> Problems) Load(string? folder, IReadOnlyDictionary<string, string>? choices = null)
    {
        if (folder is null)
        {
            return (ChannelCatalog.BuiltIn, []);
        }
        var catalog = PluginFolderReader.Read(folder, choices);
        return (catalog.Channels, catalog.Diagnostics);
    }

    /// <summary>True when the plugins folder itself is missing: unusable input rather than errors in manifests.</summary>
    public static bool IsFatal(IEnumerable<Diagnostic> problems) => problems.Any(d => d.Descriptor == DiagnosticCatalog.PluginsFolderNotFound);
}
