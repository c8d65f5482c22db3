using TriggerLang.Plugins.Http;

namespace TriggerLang.Plugins.Push;

/// <summary>
/// The <c>push</c> channel: FCM HTTP v1 messages POSTed to <c>Plugins:push:Url</c> (FCM's
/// <c>…/v1/projects/PROJECT/messages:send</c> or a gateway speaking the same format) with
/// <c>Authorization: Bearer</c> the token in the environment variable named by <c>Plugins:push:TokenVariable</c>
/// (default <c>TRIG_PUSH_TOKEN</c>); <c>Plugins:push:TimeoutSeconds</c> per attempt (default 10).
/// </summary>
public sealed class PushPlugin : IChannelPlugin
{
    public IReadOnlyList<IChannel> CreateChannels(PluginContext context)
    {
        var url = SettingReader.HttpUrl(context, "Url");
        var token = context.Secret(context.Setting("TokenVariable", "TRIG_PUSH_TOKEN")!);
        var timeout = SettingReader.Seconds(context, "TimeoutSeconds", 10);
        return [new PushChannel(url, token, timeout, HttpDelivery.CreateClient())];
    }
}
