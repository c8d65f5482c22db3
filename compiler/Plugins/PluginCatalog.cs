using System.Collections.Immutable;
using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Diagnostics;

namespace TriggerLang.Compiler.Plugins;

/// <summary>
/// What a plugins folder offers: the plugins whose manifests are valid, the
/// channels they declare (<see cref="Channels"/>, for the compiler) and which
/// plugin delivers each channel (<see cref="Owners"/>, for the host). A
/// channel declared by two plugins with no choice made has no owner: it is
/// an error, and guessing would deliver through the wrong provider.
/// </summary>
public sealed record PluginCatalog(
    string Folder,
    ImmutableArray<PluginManifest> Plugins,
    ChannelCatalog Channels,
    ImmutableDictionary<string, string> Owners,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
