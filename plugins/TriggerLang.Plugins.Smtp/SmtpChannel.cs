using MailKit.Net.Smtp;
using MimeKit;

namespace TriggerLang.Plugins.Smtp;

/// <summary>
/// One SMTP session per delivery: connect, authenticate when a user is set, send, quit. Simple and robust (no
/// connection to watch over between sends); a pool of open sessions would be the way to go past a few messages a second.
/// </summary>
internal sealed class SmtpChannel(SmtpSettings settings) : IChannel
{
    public string Name => "email";

    public async Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Address("email") is not { Length: > 0 } address)
        {
            return DeliveryResult.Permanent("the recipient has no email address");
        }
        if (!MailboxAddress.TryParse(address, out var to))
        {
            return DeliveryResult.Permanent("the recipient's email address is not valid");
        }
        var message = EmailMessage.Create(settings.From, to, delivery);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Timeout);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Tls, deadline.Token);
            if (settings.Credentials is { } credentials)
            {
                await client.AuthenticateAsync(credentials, deadline.Token);
            }
            await client.SendAsync(message, deadline.Token);
        }
        catch (Exception e) when (SmtpFailure.Classify(e, cancellationToken, settings.Timeout) is { } failure)
        {
            return failure;
        }
        await Quit(client);
        return DeliveryResult.Delivered();
    }

    // The server has accepted the message: it is delivered whatever happens to the goodbye.
    private static async Task Quit(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
        }
    }
}
