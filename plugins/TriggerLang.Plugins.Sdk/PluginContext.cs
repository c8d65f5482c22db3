namespace TriggerLang.Plugins;

/// <summary>
/// What a plugin gets from the host: its own settings (the host configuration's
/// section <c>Plugins:NAME</c>, keys flattened with <c>:</c>), secrets from
/// environment variables, its folder, and a log.
/// </summary>
public sealed class PluginContext(
    string name,
    string directory,
    IReadOnlyDictionary<string, string> settings,
    Func<string, string?> environment,
    Action<string> log)
{
    /// <summary>The plugin's name, from its manifest.</summary>
    public string Name { get; } = name;

    /// <summary>The plugin's folder (its assembly, manifest and dependencies).</summary>
    public string Directory { get; } = directory;

    public IReadOnlyDictionary<string, string> Settings { get; } = settings;

    /// <summary>A setting, or <paramref name="fallback"/> when it is not set.</summary>
    public string? Setting(string key, string? fallback = null) => Settings.TryGetValue(key, out var value) ? value : fallback;

    /// <summary>A required setting; throws <see cref="PluginConfigurationException"/> naming the key when it is missing.</summary>
    public string RequiredSetting(string key) =>
        Setting(key) is { Length: > 0 } value
            ? value
            : throw new PluginConfigurationException($"plugin `{Name}` needs the setting `Plugins:{Name}:{key}`");

    /// <summary>
    /// A secret from an environment variable (never from configuration files);
    /// throws <see cref="PluginConfigurationException"/> naming the variable when it is not set.
    /// </summary>
    public string Secret(string variable) =>
        environment(variable) is { Length: > 0 } value
            ? value
            : throw new PluginConfigurationException($"plugin `{Name}` needs the environment variable {variable}");

    /// <summary>Writes a line to the host's log, prefixed with the plugin's name.</summary>
    public void Log(string message) => log($"{Name}: {message}");
}
