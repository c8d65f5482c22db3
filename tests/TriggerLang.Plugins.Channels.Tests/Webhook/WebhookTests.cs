using System.Security.Cryptography;
using System.Text;
using TriggerLang.Plugins.Channels.Tests.Http;
using TriggerLang.Plugins.Webhook;
using static TriggerLang.Plugins.Channels.Tests.TestDeliveries;

namespace TriggerLang.Plugins.Channels.Tests.Webhook;

public sealed class WebhookTests : IDisposable
{
    private const string Secret = "s3cret-for-tests";
    private readonly LocalHttpServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Posts_the_body_as_rendered_signed_with_a_timestamp_and_the_idempotency_key()
    {
        const string body = """{"event":"cart_abandoned","user":"u1","total":150}""";

        var result = await Deliver(body);

        Assert.Equal(DeliveryResult.Delivered(), result);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/trig", request.Path);
        Assert.Equal(body, request.Text);
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal("cart_recovery/u1/e1/webhook", request.Headers["Idempotency-Key"]);
        var timestamp = long.Parse(request.Headers["X-Trig-Timestamp"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp, 0, 300);
        Assert.Equal(ExpectedSignature(request), request.Headers["X-Trig-Signature"]);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_fails_permanently_without_a_request()
    {
        var result = await Deliver("Hello Ann, your cart misses you");

        Assert.Equal(DeliveryStatus.PermanentFailure, result.Status);
        Assert.StartsWith("the rendered body is not JSON", result.Detail);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData(500, DeliveryStatus.RetryableFailure)]
    [InlineData(503, DeliveryStatus.RetryableFailure)]
    [InlineData(408, DeliveryStatus.RetryableFailure)]
    [InlineData(429, DeliveryStatus.RetryableFailure)]
    [InlineData(400, DeliveryStatus.PermanentFailure)]
    [InlineData(401, DeliveryStatus.PermanentFailure)]
    [InlineData(404, DeliveryStatus.PermanentFailure)]
    [InlineData(302, DeliveryStatus.PermanentFailure)]
    [InlineData(204, DeliveryStatus.Delivered)]
    public async Task Answers_are_classified_by_status(int status, DeliveryStatus expected)
    {
        _server.Answer = _ => (status, "");

        var result = await Deliver("{}");

        Assert.Equal(expected, result.Status);
        if (expected != DeliveryStatus.Delivered)
        {
            Assert.StartsWith($"HTTP {status}", result.Detail);
        }
    }

    [Fact]
    public async Task A_slow_server_is_a_retryable_timeout()
    {
        _server.Delay = TimeSpan.FromSeconds(5);

        var result = await Deliver("{}", timeoutSeconds: "0.3");

        Assert.Equal(DeliveryResult.Retryable("no answer within 0.3 s"), result);
    }

    [Fact]
    public async Task A_refused_connection_is_retryable()
    {
        var channel = Channel($"http://127.0.0.1:{LocalHttpServer.FreePort()}/");

        var result = await channel.DeliverAsync(Create("webhook", [Field("body", "{}")]), CancellationToken.None);

        Assert.Equal(DeliveryStatus.RetryableFailure, result.Status);
        Assert.StartsWith("cannot reach the server", result.Detail);
    }

    [Fact]
    public void The_secret_comes_from_the_configured_environment_variable()
    {
        var settings = new Dictionary<string, string> { ["Url"] = _server.Url, ["SecretVariable"] = "SHOP_HOOK_SECRET" };

        var error = Assert.Throws<PluginConfigurationException>(() =>
            new WebhookPlugin().CreateChannels(TestContexts.Create("webhook", settings, new Dictionary<string, string> { ["TRIG_WEBHOOK_SECRET"] = Secret })));
        Assert.Contains("SHOP_HOOK_SECRET", error.Message);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ftp://example.com/")]
    [InlineData("/relative")]
    public void The_url_must_be_an_absolute_http_url(string? url)
    {
        var settings = url is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Url"] = url };

        var error = Assert.Throws<PluginConfigurationException>(() =>
            new WebhookPlugin().CreateChannels(TestContexts.Create("webhook", settings, new Dictionary<string, string> { ["TRIG_WEBHOOK_SECRET"] = Secret })));
        Assert.Contains("Plugins:webhook:Url", error.Message);
    }

    // What a receiver does, written independently of the plugin: HMAC-SHA256 of "TIMESTAMP." + body.
    private static string ExpectedSignature(RecordedRequest request)
    {
        var signed = Encoding.UTF8.GetBytes(request.Headers["X-Trig-Timestamp"] + ".").Concat(request.Body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed));
    }

    private Task<DeliveryResult> Deliver(string body, string timeoutSeconds = "10") =>
        Channel(_server.Url + "hooks/trig", timeoutSeconds).DeliverAsync(
            Create("webhook", [Field("body", body)], key: "cart_recovery/u1/e1/webhook"), CancellationToken.None);

    private static IChannel Channel(string url, string timeoutSeconds = "10") =>
        new WebhookPlugin().CreateChannels(TestContexts.Create(
            "webhook",
            new Dictionary<string, string> { ["Url"] = url, ["TimeoutSeconds"] = timeoutSeconds },
            new Dictionary<string, string> { ["TRIG_WEBHOOK_SECRET"] = Secret })).Single();
}
