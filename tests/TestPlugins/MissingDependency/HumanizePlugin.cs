using Humanizer;
using TriggerLang.Plugins;

namespace TestPlugins.MissingDependency;

/// <summary>Uses Humanizer while starting; the test build leaves Humanizer.dll out of its folder.</summary>
public sealed class HumanizePlugin : IChannelPlugin
{
    public IReadOnlyList<IChannel> CreateChannels(PluginContext context)
    {
        context.Log("humanize_channel".Humanize());
        return [];
    }
}
