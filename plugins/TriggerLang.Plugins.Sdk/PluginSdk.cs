namespace TriggerLang.Plugins;

/// <summary>The SDK's contract version. A plugin's manifest names the version it was built against (<c>"sdk": 1</c>); the host refuses others.</summary>
public static class PluginSdk
{
    public const int Version = 1;

    /// <summary>The manifest file beside every plugin, read by the compiler and the host without loading plugin code.</summary>
    public const string ManifestFileName = "trig-plugin.json";
}
