using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace TriggerLang.Plugins.Smtp;

/// <summary>
/// The MIME message of a delivery. The body is sent as <c>text/html</c> when, whitespace aside, it starts with a tag
/// (<c>&lt;p&gt;</c>, <c>&lt;html&gt;</c>, <c>&lt;!DOCTYPE html&gt;</c>…) and ends with <c>&gt;</c>; otherwise as
/// <c>text/plain</c>. The Message-Id is derived from the idempotency key, so that every retry of one message carries
/// the same id and receivers that see it twice can drop the copy.
/// </summary>
internal static partial class EmailMessage
{
    public static MimeMessage Create(MailboxAddress from, MailboxAddress to, Delivery delivery)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(to);
        if (delivery.Field("subject") is { } subject)
        {
            message.Subject = subject;
        }
        message.MessageId = MessageId(delivery.IdempotencyKey, from.Domain);
        var body = delivery.Field("body") ?? "";
        message.Body = new TextPart(LooksLikeHtml(body) ? "html" : "plain") { Text = body };
        return message;
    }

    /// <summary><c>HEX@DOMAIN</c>: the key hashed (it is long and may hold any character), at the sender's domain.</summary>
    public static string MessageId(string idempotencyKey, string domain) =>
        $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32]}@{domain}";

    public static bool LooksLikeHtml(string body) => StartsWithTag().IsMatch(body) && body.AsSpan().TrimEnd().EndsWith('>');

    [GeneratedRegex(@"^\s*<(?:!doctype\s|[a-z][a-z0-9]*[\s/>])", RegexOptions.IgnoreCase)]
    private static partial Regex StartsWithTag();
}
