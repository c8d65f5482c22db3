using TriggerLang.Plugins.Http;

namespace TriggerLang.Plugins.Webhook;

/// <summary>
/// The <c>webhook</c> channel: POSTs the rendered <c>body</c> (JSON) to <c>Plugins:webhook:Url</c>, signed with
/// HMAC-SHA256 under the secret in the environment variable named by <c>Plugins:webhook:SecretVariable</c>
/// (default <c>TRIG_WEBHOOK_SECRET</c>); <c>Plugins:webhook:TimeoutSeconds</c> per attempt (default 10).
/// </summary>
public sealed class WebhookPlugin : IChannelPlugin
{
    public IReadOnlyList<IChannel> CreateChannels(PluginContext context)
    {
        var url = SettingReader.HttpUrl(context, "Url");
        var secret = context.Secret(context.Setting("SecretVariable", "TRIG_WEBHOOK_SECRET")!);
        var timeout = SettingReader.Seconds(context, "TimeoutSeconds", 10);
        return [new WebhookChannel(url, new WebhookSigner(secret, TimeProvider.System), timeout, HttpDelivery.CreateClient())];
    }
}
