using System.Collections.Immutable;
using TriggerLang.Compiler.Plugins;

namespace TriggerLang.Plugins.Hosting;

/// <summary>
/// The plugins of one folder, loaded and ready to deliver. Loading never
/// throws for a plugin's fault: a plugin that cannot be loaded is a
/// <see cref="PluginProblem"/> (also logged) and its channels are unavailable,
/// while the others work. Plugins are trusted code: a load context isolates
/// their dependencies, not their access to the machine (docs/security.md).
/// </summary>
public sealed class PluginHost : IDisposable
{
    private readonly PluginHostOptions _options;
    private readonly Lock _lock = new();
    private State _state = State.Empty;

    private PluginHost(PluginHostOptions options) => _options = options;

    public static PluginHost Load(PluginHostOptions options)
    {
        var host = new PluginHost(options);
        host.Reload();
        return host;
    }

    public IReadOnlyList<LoadedPlugin> Plugins => _state.Plugins;

    public IReadOnlyList<PluginProblem> Problems => _state.Problems;

    /// <summary>The channels that can deliver now, by name.</summary>
    public IEnumerable<string> Channels => _state.Channels.Keys.Order(StringComparer.Ordinal);

    /// <summary>
    /// Delivers through the channel's plugin, isolated (see <see cref="IsolatedChannel"/>).
    /// A channel whose plugin failed to load, or that several plugins declare with no
    /// choice made, is a retryable failure (a fix and a reload can bring it back); a
    /// channel no plugin declares is a permanent one.
    /// </summary>
    public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken = default)
    {
        var state = _state;
        if (state.Channels.TryGetValue(delivery.Channel, out var channel))
        {
            return channel.DeliverAsync(delivery, cancellationToken);
        }
        return Task.FromResult(state.Declared.Contains(delivery.Channel)
            ? DeliveryResult.Retryable($"channel `{delivery.Channel}` is unavailable: its plugin was not loaded, or several plugins declare it "
                + "(see the plugin host's problems)")
            : DeliveryResult.Permanent($"no plugin in `{_options.Folder}` declares the channel `{delivery.Channel}`"));
    }

    /// <summary>
    /// Unloads every plugin and loads the folder again (after a plugin was
    /// updated or fixed). Calls already running finish on the old plugins.
    /// </summary>
    public void Reload()
    {
        lock (_lock)
        {
            var old = _state;
            _state = State.Empty;
            old.Dispose();
            _state = LoadFolder();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _state.Dispose();
            _state = State.Empty;
        }
    }

    /// <summary>For the unload test.</summary>
    internal IEnumerable<WeakReference> LoadContexts() => _state.Plugins.Select(p => p.LoadContextReference());

    private State LoadFolder()
    {
        var catalog = PluginFolderReader.Read(_options.Folder, _options.ChannelChoices);
        var problems = new List<PluginProblem>();
        foreach (var diagnostic in catalog.Diagnostics.Where(d => d.IsError))
        {
            var plugin = diagnostic.Location is { } location ? Path.GetFileName(Path.GetDirectoryName(location.File.Path)) ?? "" : "";
            problems.Add(new PluginProblem(plugin, diagnostic.ToString()));
        }
        var plugins = new List<LoadedPlugin>();
        var channels = new Dictionary<string, IsolatedChannel>(StringComparer.Ordinal);
        foreach (var manifest in catalog.Plugins)
        {
            var (plugin, problem) = PluginLoading.Load(manifest, _options);
            if (plugin is null)
            {
                problems.Add(problem!);
                continue;
            }
            plugins.Add(plugin);
            _options.Log($"plugin {manifest.Name} {manifest.Version}: loaded, channels {string.Join(", ", plugin.Channels.Select(c => c.Name))}");
            foreach (var channel in plugin.Channels.Where(c => catalog.Owners.GetValueOrDefault(c.Name) == manifest.Name))
            {
                channels[channel.Name] = new IsolatedChannel(channel, manifest.Name, _options.CallTimeout);
            }
        }
        foreach (var problem in problems)
        {
            _options.Log(problem.Message);
        }
        var declared = catalog.Plugins.SelectMany(p => p.Channels).Select(c => c.Name).ToImmutableHashSet(StringComparer.Ordinal);
        return new State([.. plugins], [.. problems], channels.ToImmutableDictionary(StringComparer.Ordinal), declared);
    }

    /// <summary>Swapped whole on reload, so that a delivery sees either the old plugins or the new ones.</summary>
    private sealed record State(
        ImmutableArray<LoadedPlugin> Plugins,
        ImmutableArray<PluginProblem> Problems,
        ImmutableDictionary<string, IsolatedChannel> Channels,
        ImmutableHashSet<string> Declared) : IDisposable
    {
        public static State Empty { get; } = new([], [], ImmutableDictionary<string, IsolatedChannel>.Empty, []);

        public void Dispose()
        {
            foreach (var plugin in Plugins)
            {
                plugin.Dispose();
            }
        }
    }
}
