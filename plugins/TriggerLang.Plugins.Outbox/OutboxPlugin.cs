namespace TriggerLang.Plugins.Outbox;

/// <summary>
/// Writes every delivery to <c>DIRECTORY/CHANNEL.jsonl</c> instead of sending it: the default for local runs and
/// demos, so it declares the five built-in channels of LANGUAGE.md §6. Setting <c>Plugins:outbox:Directory</c>
/// (default <c>outbox</c>, relative to the working directory).
/// </summary>
public sealed class OutboxPlugin : IChannelPlugin
{
    // The same names, in the same order, as trig-plugin.json (a test keeps them in step).
    private static readonly string[] ChannelNames = ["email", "push", "sms", "in_app", "webhook"];

    public IReadOnlyList<IChannel> CreateChannels(PluginContext context)
    {
        var directory = Path.GetFullPath(context.Setting("Directory", "outbox")!);
        try
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PluginConfigurationException(
                $"plugin `{context.Name}` cannot create its folder {directory} (setting `Plugins:{context.Name}:Directory`): {e.Message}");
        }
        return [.. ChannelNames.Select(name => new OutboxChannel(name, new OutboxFile(Path.Combine(directory, name + ".jsonl"))))];
    }
}
