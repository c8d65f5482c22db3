using System.Security.Cryptography;
using System.Text;

namespace TriggerLang.Plugins.Webhook;

/// <summary>
/// Signs a request: <c>X-Trig-Timestamp: UNIX_SECONDS</c> and <c>X-Trig-Signature: sha256=HEX</c>, where HEX is the
/// lower-case HMAC-SHA256, keyed with the secret's UTF-8 bytes, of <c>UNIX_SECONDS + "." + body bytes</c>.
/// Signing the timestamp with the body lets a receiver refuse old requests (replays) as well as forged ones.
/// </summary>
internal sealed class WebhookSigner(string secret, TimeProvider clock)
{
    public const string TimestampHeader = "X-Trig-Timestamp";
    public const string SignatureHeader = "X-Trig-Signature";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret);

    public void Sign(HttpRequestMessage request, byte[] body)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp, signed);
        signed[timestamp.Length] = (byte)'.';
        body.CopyTo(signed, timestamp.Length + 1);
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, signed)));
    }
}
