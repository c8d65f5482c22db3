using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace TriggerLang.Runtime.Api;

/// <summary>
/// Every endpoint but <c>/healthz</c> needs <c>Authorization: Bearer KEY</c> with one of the configured keys; else 401.
/// Keys are compared as SHA-256 digests in constant time, so neither the content nor the length of a key leaks
/// through timing.
/// </summary>
internal sealed class ApiKeys
{
    public const string EnvironmentVariable = "TRIG_API_KEY";

    private readonly byte[][] _digests;

    public ApiKeys(IEnumerable<string> keys) =>
        _digests = [.. keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k.Trim())))];

    public bool IsEmpty => _digests.Length == 0;

    public bool Accepts(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        var accepted = false;
        foreach (var key in _digests)
        {
            // No early exit: the time does not depend on which key matched.
            accepted |= CryptographicOperations.FixedTimeEquals(digest, key);
        }
        return accepted;
    }
}
