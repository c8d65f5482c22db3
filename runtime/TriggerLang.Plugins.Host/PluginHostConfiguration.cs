using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace TriggerLang.Plugins.Hosting;

/// <summary>
/// Reads <see cref="PluginHostOptions"/> from configuration, so that the SDK
/// itself stays free of Microsoft.Extensions.*:
/// <c>PluginHost:Folder</c> (required), <c>PluginHost:CallTimeout</c>
/// (a TimeSpan such as <c>00:00:10</c>, or seconds), <c>PluginHost:Channels:CHANNEL</c>
/// = the plugin that delivers CHANNEL, and each plugin's settings in <c>Plugins:NAME</c>.
/// </summary>
public static class PluginHostConfiguration
{
    public static PluginHostOptions FromConfiguration(IConfiguration configuration, Action<string>? log = null)
    {
        var host = configuration.GetSection("PluginHost");
        var folder = host["Folder"] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("the plugin host needs the setting `PluginHost:Folder`: the folder that holds one sub-folder per plugin");
        return new PluginHostOptions(folder)
        {
            CallTimeout = host["CallTimeout"] is { Length: > 0 } timeout ? ParseTimeout(timeout) : PluginHostOptions.DefaultCallTimeout,
            ChannelChoices = Flatten(host.GetSection("Channels")),
            Settings = plugin => Flatten(configuration.GetSection($"Plugins:{plugin}")),
            Log = log ?? (_ => { }),
        };
    }

    private static TimeSpan ParseTimeout(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
                ? span
                : throw new InvalidOperationException($"`PluginHost:CallTimeout` is \"{text}\": write seconds (10) or a time span (00:00:10)");

    /// <summary>A section's values with keys relative to it, nested keys joined with <c>:</c> (as PluginContext documents).</summary>
    private static Dictionary<string, string> Flatten(IConfigurationSection section) =>
        section.AsEnumerable(makePathsRelative: true)
            .Where(pair => pair.Value is not null)
            .ToDictionary(pair => pair.Key, pair => pair.Value!, StringComparer.OrdinalIgnoreCase);
}
