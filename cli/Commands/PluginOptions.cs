using System.CommandLine;
using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Plugins;

namespace TriggerLang.Cli.Commands;

/// <summary>
/// <c>--plugins DIR</c> (default: the environment variable TRIG_PLUGINS) and
/// <c>--channel-plugin CHANNEL=PLUGIN</c>, shared by the commands that compile
/// rules: the channels come from the plugins' manifests instead of the
/// built-in set of LANGUAGE.md §6. No plugin code is loaded.
/// </summary>
internal sealed class PluginOptions
{
    private readonly Option<string?> _folder = new("--plugins")
    {
        Description = $"The plugins folder whose manifests (*/trig-plugin.json) declare the channels; default ${ChannelCatalogLoader.EnvironmentVariable}, else the built-in channels.",
        DefaultValueFactory = _ => ChannelCatalogLoader.FolderFromEnvironment(),
    };

    private readonly Option<string[]> _choices = new("--channel-plugin")
    {
        Description = "CHANNEL=PLUGIN: the plugin that delivers CHANNEL when several plugins declare it (repeatable).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public PluginOptions()
    {
        _choices.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Select(t => t.Value).Where(v => Split(v) is null))
            {
                result.AddError($"--channel-plugin: \"{token}\" is not CHANNEL=PLUGIN, e.g. --channel-plugin email=smtp");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_folder);
        command.Options.Add(_choices);
    }

    /// <summary>
    /// The channels to compile against, and the manifests' problems for the
    /// command to print and count; the channels of the valid manifests are usable either way.
    /// </summary>
    public (ChannelCatalog Channels, IReadOnlyList<Diagnostic> Problems) Load(ParseResult parse)
    {
        var choices = (parse.GetValue(_choices) ?? []).Select(Split).OfType<(string Channel, string Plugin)>()
            .GroupBy(c => c.Channel).ToDictionary(g => g.Key, g => g.Last().Plugin, StringComparer.Ordinal);
        return ChannelCatalogLoader.Load(parse.GetValue(_folder), choices);
    }

    /// <summary>True when the plugins folder itself is missing: unusable input (exit 2) rather than errors in manifests.</summary>
    public static bool IsFatal(IEnumerable<Diagnostic> problems) => ChannelCatalogLoader.IsFatal(problems);

    private static (string Channel, string Plugin)? Split(string text) =>
        text.Split('=', 2) is [{ Length: > 0 } channel, { Length: > 0 } plugin] ? (channel.Trim(), plugin.Trim()) : null;
}
