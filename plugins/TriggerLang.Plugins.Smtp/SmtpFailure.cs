using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace TriggerLang.Plugins.Smtp;

/// <summary>
/// How an SMTP failure classifies: a 4xx reply, a lost or refused connection, a TLS failure or a timeout may pass
/// (retryable); a 5xx reply, refused credentials or a missing extension will not (permanent). Other exceptions are
/// not SMTP's: they propagate, and the host counts them as retryable.
/// </summary>
internal static class SmtpFailure
{
    public static DeliveryResult? Classify(Exception exception, CancellationToken hostToken, TimeSpan timeout) => exception switch
    {
        SmtpCommandException { StatusCode: var status } command => (int)status is >= 400 and < 500
            ? DeliveryResult.Retryable($"SMTP {(int)status}: {command.Message}")
            : DeliveryResult.Permanent($"SMTP {(int)status}: {command.Message}"),
        // Never the server's text: it may echo the user name.
        AuthenticationException => DeliveryResult.Permanent("the SMTP server refused the credentials (settings User and PasswordVariable)"),
        // MailKit's word for a server that lacks what the settings require (STARTTLS, authentication): fix the settings.
        NotSupportedException => DeliveryResult.Permanent($"the SMTP server does not support what the settings ask: {exception.Message}"),
        OperationCanceledException when hostToken.IsCancellationRequested => DeliveryResult.Retryable("cancelled by the host"),
        OperationCanceledException or TimeoutException => DeliveryResult.Retryable($"no answer within {timeout.TotalSeconds:0.###} s"),
        SslHandshakeException => DeliveryResult.Retryable("the TLS handshake with the SMTP server failed (setting Tls, or the server's certificate)"),
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException =>
            DeliveryResult.Retryable($"cannot talk to the SMTP server: {exception.Message}"),
        _ => null,
    };
}
