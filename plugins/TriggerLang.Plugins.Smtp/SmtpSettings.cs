using System.Net;
using MailKit.Security;
using MimeKit;

namespace TriggerLang.Plugins.Smtp;

/// <summary>
/// <c>Plugins:smtp:</c> <c>Host</c> (required), <c>From</c> (required, e.g. <c>Shop &lt;noreply@shop.example&gt;</c>),
/// <c>Tls</c> (<c>starttls</c> by default, <c>tls</c> for TLS from the first byte, <c>none</c>), <c>Port</c>
/// (default 587, 465 with <c>tls</c>, 25 with <c>none</c>), <c>User</c> (optional: no authentication without it),
/// <c>PasswordVariable</c> (the environment variable holding the password, default <c>TRIG_SMTP_PASSWORD</c>;
/// read only when <c>User</c> is set), <c>TimeoutSeconds</c> (per attempt, default 30).
/// </summary>
internal sealed record SmtpSettings(
    string Host,
    int Port,
    SecureSocketOptions Tls,
    MailboxAddress From,
    NetworkCredential? Credentials,
    TimeSpan Timeout)
{
    public static SmtpSettings Read(PluginContext context)
    {
        var (tls, defaultPort) = context.Setting("Tls", "starttls") switch
        {
            "starttls" => (SecureSocketOptions.StartTls, 587),
            "tls" => (SecureSocketOptions.SslOnConnect, 465),
            "none" => (SecureSocketOptions.None, 25),
            _ => throw new PluginConfigurationException(
                $"plugin `{context.Name}`: the setting `Plugins:{context.Name}:Tls` must be starttls, tls or none"),
        };
        // The domain is needed: Message-Ids are made at the sender's domain.
        if (!MailboxAddress.TryParse(context.RequiredSetting("From"), out var from) || from.Domain.Length == 0)
        {
            throw new PluginConfigurationException(
                $"plugin `{context.Name}`: the setting `Plugins:{context.Name}:From` must be an address such as `Shop <noreply@shop.example>`");
        }
        var user = context.Setting("User") is { Length: > 0 } name ? name : null;
        return new SmtpSettings(
            context.RequiredSetting("Host"),
            SettingReader.Integer(context, "Port", defaultPort, 1, 65535),
            tls,
            from,
            user is null ? null : new NetworkCredential(user, context.Secret(context.Setting("PasswordVariable", "TRIG_SMTP_PASSWORD")!)),
            SettingReader.Seconds(context, "TimeoutSeconds", 30));
    }
}
