namespace TriggerLang.Plugins.Channels.Tests;

/// <summary>Plugin contexts as a host would build them, with settings and environment variables given by the test.</summary>
internal static class TestContexts
{
    public static PluginContext Create(
        string name,
        IReadOnlyDictionary<string, string> settings,
        IReadOnlyDictionary<string, string>? environment = null,
        List<string>? log = null) =>
        new(
            name,
            AppContext.BaseDirectory,
            settings,
            variable => environment?.GetValueOrDefault(variable),
            line => log?.Add(line));
}
