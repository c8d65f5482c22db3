using System.Net;
using System.Net.Http.Headers;
using TriggerLang.Plugins.Http;

namespace TriggerLang.Plugins.Push;

/// <summary>One POST per delivery; the general HTTP classification, except that an unregistered token is named.</summary>
internal sealed class PushChannel(Uri url, string bearerToken, TimeSpan timeout, HttpClient client) : IChannel
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly AuthenticationHeaderValue _authorization = new("Bearer", bearerToken);

    public string Name => "push";

    public async Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Address("push_token") is not { Length: > 0 } token)
        {
            return DeliveryResult.Permanent("the recipient has no push_token");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(PushMessage.Write(token, delivery)) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = _authorization;
        // FCM ignores it; gateways in front of it can deduplicate retries with it.
        request.Headers.Add("Idempotency-Key", delivery.IdempotencyKey);
        return await HttpDelivery.SendAsync(client, request, timeout, Unregistered, cancellationToken);
    }

    // FCM answers 404 with errorCode UNREGISTERED when the app was uninstalled or the token expired: never retry,
    // and say so plainly, since the fix is to drop the user's push_token.
    private static DeliveryResult? Unregistered(HttpStatusCode status, string body) =>
        status == HttpStatusCode.NotFound || body.Contains("UNREGISTERED", StringComparison.Ordinal)
            ? DeliveryResult.Permanent($"the push token is no longer registered (HTTP {(int)status}, UNREGISTERED)")
            : null;
}
