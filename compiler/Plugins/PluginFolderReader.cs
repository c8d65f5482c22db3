using System.Collections.Immutable;
using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Text;
using TriggerLang.Plugins;

namespace TriggerLang.Compiler.Plugins;

/// <summary>
/// Reads every <c>*/trig-plugin.json</c> of a plugins folder into a
/// <see cref="PluginCatalog"/>; no plugin code is loaded. <c>choices</c> maps
/// a channel to the plugin that should deliver it when several declare it
/// (<c>--channel-plugin CHANNEL=PLUGIN</c>, or the host's <c>PluginHost:Channels</c>).
/// </summary>
public static class PluginFolderReader
{
    public static PluginCatalog Read(string folder, IReadOnlyDictionary<string, string>? choices = null)
    {
        choices ??= ImmutableDictionary<string, string>.Empty;
        var diagnostics = new List<Diagnostic>();
        if (!Directory.Exists(folder))
        {
            diagnostics.Add(DiagnosticBuilder.ForProject().PluginsFolderNotFound(folder));
            return new PluginCatalog(folder, [], new ChannelCatalog([], folder), ImmutableDictionary<string, string>.Empty, [.. diagnostics]);
        }
        var plugins = new List<PluginManifest>();
        foreach (var directory in Directory.EnumerateDirectories(folder).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, PluginSdk.ManifestFileName);
            if (!File.Exists(path))
            {
                diagnostics.Add(DiagnosticBuilder.ForProject().FolderWithoutManifest(directory));
                continue;
            }
            if (ManifestReader.Read(path, directory, diagnostics) is not { } manifest)
            {
                continue;
            }
            if (plugins.FirstOrDefault(p => p.Name == manifest.Name) is { } first)
            {
                diagnostics.Add(AtName(manifest).DuplicatePluginName(manifest.Name, first.ManifestPath));
                continue;
            }
            plugins.Add(manifest);
        }
        var (channels, owners) = Resolve(plugins, choices, diagnostics);
        return new PluginCatalog(folder, [.. plugins], new ChannelCatalog(channels, folder), owners, [.. diagnostics]);
    }

    private static (List<ChannelDefinition> Channels, ImmutableDictionary<string, string> Owners) Resolve(
        List<PluginManifest> plugins, IReadOnlyDictionary<string, string> choices, List<Diagnostic> diagnostics)
    {
        var channels = new List<ChannelDefinition>();
        var owners = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var byChannel = plugins.SelectMany(p => p.Channels.Select(c => (Plugin: p, Channel: c))).GroupBy(x => x.Channel.Name, StringComparer.Ordinal).ToList();
        foreach (var group in byChannel)
        {
            var declarers = group.ToList();
            if (choices.TryGetValue(group.Key, out var chosen))
            {
                if (declarers.FirstOrDefault(d => d.Plugin.Name == chosen) is { Plugin: not null } pick)
                {
                    channels.Add(pick.Channel);
                    owners[group.Key] = chosen;
                    continue;
                }
                diagnostics.Add(DiagnosticBuilder.ForProject().UnknownChannelChoice(group.Key, chosen, declarers.Select(d => d.Plugin.Name)));
            }
            if (declarers.Count == 1)
            {
                channels.Add(declarers[0].Channel);
                owners[group.Key] = declarers[0].Plugin.Name;
                continue;
            }
            // No owner: nothing delivers it until a choice is made. The first declaration still types the sends, so
            // that each one is not also reported as an unknown channel.
            var (first, second) = (declarers[0].Plugin, declarers[1].Plugin);
            channels.Add(declarers[0].Channel);
            diagnostics.Add(AtName(second).ChannelDeclaredTwice(group.Key, first.Name, first.ManifestPath, second.Name));
        }
        foreach (var (channel, plugin) in choices.Where(c => !byChannel.Any(g => g.Key == c.Key)))
        {
            diagnostics.Add(DiagnosticBuilder.ForProject().UnknownChannelChoice(channel, plugin, []));
        }
        return (channels, owners.ToImmutable());
    }

    /// <summary>A diagnostic about a whole manifest, at the start of its file.</summary>
    private static DiagnosticBuilder AtName(PluginManifest manifest) =>
        DiagnosticBuilder.At(new SourceFile(manifest.ManifestPath, CompilationOptions.ReadFromDisk(manifest.ManifestPath) ?? ""), new TextSpan(0, 0));
}
