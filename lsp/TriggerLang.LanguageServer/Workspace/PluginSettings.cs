using TriggerLang.Compiler.Plugins;
using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Workspace;

/// <summary>
/// Where the channels come from, in the order <c>trig check</c> would take
/// them: the editor's <c>initializationOptions.plugins</c>, else the
/// environment variable TRIG_PLUGINS, else the built-in channels (null).
/// </summary>
public static class PluginSettings
{
    /// <summary>The plugins folder; a relative one is taken from the workspace folder, as the editor's settings are per workspace.</summary>
    public static string? Folder(InitializationOptions? options, string? root) =>
        options?.Plugins is { Length: > 0 } folder ? Path.GetFullPath(folder, root ?? Directory.GetCurrentDirectory())
        : ChannelCatalogLoader.FolderFromEnvironment();

    public static IReadOnlyDictionary<string, string> Choices(InitializationOptions? options) =>
        options?.ChannelPlugins ?? new Dictionary<string, string>(StringComparer.Ordinal);
}
