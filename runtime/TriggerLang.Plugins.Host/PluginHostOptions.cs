using System.Collections.Immutable;

namespace TriggerLang.Plugins.Hosting;

/// <summary>
/// How to host plugins. <see cref="Settings"/> gives a plugin its settings by
/// plugin name (the configuration section <c>Plugins:NAME</c>, see
/// <see cref="PluginHostConfiguration"/>); <see cref="ChannelChoices"/> says
/// which plugin delivers a channel that several declare.
/// </summary>
public sealed record PluginHostOptions(string Folder)
{
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long one delivery call may take before it is abandoned as a retryable timeout.</summary>
    public TimeSpan CallTimeout { get; init; } = DefaultCallTimeout;

    public IReadOnlyDictionary<string, string> ChannelChoices { get; init; } = ImmutableDictionary<string, string>.Empty;

    public Func<string, IReadOnlyDictionary<string, string>> Settings { get; init; } = _ => ImmutableDictionary<string, string>.Empty;

    /// <summary>Where secrets come from: environment variables, never configuration files.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The host's log: one line per plugin loaded (name, version, SHA-256) and per problem.</summary>
    public Action<string> Log { get; init; } = _ => { };
}
