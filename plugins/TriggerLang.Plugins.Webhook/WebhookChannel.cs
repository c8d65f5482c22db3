using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TriggerLang.Plugins.Http;

namespace TriggerLang.Plugins.Webhook;

/// <summary>
/// One POST per delivery, the body exactly as rendered (the signature covers those bytes). A body that is not
/// JSON is a permanent failure: the template is wrong, and no retry will fix it; wrapping it instead would
/// hide the mistake from the rule's author and hand the receiver a shape it never agreed to.
/// </summary>
internal sealed class WebhookChannel(Uri url, WebhookSigner signer, TimeSpan timeout, HttpClient client) : IChannel
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public string Name => "webhook";

    public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Field("body") ?? "");
        if (JsonError(body) is { } error)
        {
            return Task.FromResult(DeliveryResult.Permanent($"the rendered body is not JSON: {error}"));
        }
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        // Receivers deduplicate retries by this key: it is the same for every attempt at one message.
        request.Headers.Add("Idempotency-Key", delivery.IdempotencyKey);
        signer.Sign(request, body);
        return SendAsync(request, cancellationToken);
    }

    private async Task<DeliveryResult> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await HttpDelivery.SendAsync(client, request, timeout, refine: null, cancellationToken);
        }
    }

    private static string? JsonError(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read())
            {
            }
            return null;
        }
        catch (JsonException e)
        {
            return e.Message;
        }
    }
}
