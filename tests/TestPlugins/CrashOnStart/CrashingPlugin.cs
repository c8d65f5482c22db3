using TriggerLang.Plugins;

namespace TestPlugins.CrashOnStart;

/// <summary>Throws in its constructor, as a plugin that cannot find its license file might.</summary>
public sealed class CrashingPlugin : IChannelPlugin
{
    public CrashingPlugin() => throw new InvalidOperationException("the license file is missing");

    public IReadOnlyList<IChannel> CreateChannels(PluginContext context) => [];
}
