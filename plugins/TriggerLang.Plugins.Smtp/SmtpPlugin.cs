namespace TriggerLang.Plugins.Smtp;

/// <summary>The <c>email</c> channel through an SMTP server; settings in <see cref="SmtpSettings"/>.</summary>
public sealed class SmtpPlugin : IChannelPlugin
{
    public IReadOnlyList<IChannel> CreateChannels(PluginContext context) => [new SmtpChannel(SmtpSettings.Read(context))];
}
