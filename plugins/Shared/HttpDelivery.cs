using System.Net;

namespace TriggerLang.Plugins.Http;

/// <summary>
/// Sends one request for an HTTP channel plugin and classifies the answer, the same way in every such plugin:
/// 2xx delivered; 408, 429, 5xx, timeouts and connection errors retryable; any other status permanent.
/// Compiled into each plugin (not a shared assembly) so that a plugin's folder depends on nothing but the SDK.
/// </summary>
internal static class HttpDelivery
{
    /// <summary>
    /// One client per channel, for its whole life (connections are pooled). Redirects are not followed: a POST
    /// must reach the configured URL, and a redirect is a configuration error (permanent, as any other 3xx).
    /// </summary>
    public static HttpClient CreateClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            // The deadline is per delivery (SendAsync); HttpClient's own would only repeat it.
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>
    /// Sends <paramref name="request"/> within <paramref name="timeout"/>. <paramref name="refine"/> may give a
    /// failure answer its own meaning (it gets the status and the start of the body) before the general rule applies.
    /// </summary>
    public static async Task<DeliveryResult> SendAsync(
        HttpClient client,
        HttpRequestMessage request,
        TimeSpan timeout,
        Func<HttpStatusCode, string, DeliveryResult?>? refine,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (response.IsSuccessStatusCode)
            {
                return DeliveryResult.Delivered();
            }
            var body = refine is null ? "" : await ReadStartAsync(response, deadline.Token);
            return refine?.Invoke(response.StatusCode, body) ?? Classify(response.StatusCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Retryable($"no answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (OperationCanceledException)
        {
            return DeliveryResult.Retryable("cancelled by the host");
        }
        catch (HttpRequestException e)
        {
            // The error's kind only: messages may quote the URL, and some webhook URLs carry a secret.
            return DeliveryResult.Retryable($"cannot reach the server ({e.HttpRequestError})");
        }
    }

    public static DeliveryResult Classify(HttpStatusCode status)
    {
        var code = (int)status;
        return code is 408 or 429 or >= 500
            ? DeliveryResult.Retryable($"HTTP {code} {status}")
            : DeliveryResult.Permanent($"HTTP {code} {status}");
    }

    // Enough to recognise a provider's error code; an error page can be large and is never needed whole.
    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, length);
    }
}
