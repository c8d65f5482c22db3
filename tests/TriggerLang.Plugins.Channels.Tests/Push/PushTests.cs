using TriggerLang.Plugins.Channels.Tests.Http;
using TriggerLang.Plugins.Push;
using static TriggerLang.Plugins.Channels.Tests.TestDeliveries;

namespace TriggerLang.Plugins.Channels.Tests.Push;

public sealed class PushTests : IDisposable
{
    private const string Token = "ya29.test-bearer-token";
    private static readonly Dictionary<string, string> Device = new() { ["push_token"] = "device-token-1" };
    private readonly LocalHttpServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Posts_an_FCM_v1_message_with_the_bearer_token()
    {
        var result = await Deliver(Create("push", [Field("title", "Your cart"), Field("body", "2 items — €150"), Field("url", "https://shop.example/cart")], Device));

        Assert.Equal(DeliveryResult.Delivered(), result);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/projects/shop/messages:send", request.Path);
        Assert.Equal($"Bearer {Token}", request.Headers["Authorization"]);
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal(
            """{"message":{"token":"device-token-1","notification":{"title":"Your cart","body":"2 items \u2014 \u20AC150"},"data":{"url":"https://shop.example/cart"}}}""",
            request.Text);
    }

    [Fact]
    public async Task Unset_title_and_url_are_left_out()
    {
        await Deliver(Create("push", [Field("body", "hi")], Device));

        Assert.Equal("""{"message":{"token":"device-token-1","notification":{"body":"hi"}}}""", Assert.Single(_server.Requests).Text);
    }

    [Theory]
    [InlineData(404, """{"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"UNREGISTERED"}]}}""")]
    [InlineData(400, """{"error":{"status":"INVALID_ARGUMENT","details":[{"errorCode":"UNREGISTERED"}]}}""")]
    public async Task An_unregistered_token_fails_permanently_and_says_so(int status, string answer)
    {
        _server.Answer = _ => (status, answer);

        var result = await Deliver(Create("push", [Field("body", "hi")], Device));

        Assert.Equal(DeliveryResult.Permanent($"the push token is no longer registered (HTTP {status}, UNREGISTERED)"), result);
    }

    [Theory]
    [InlineData(503, DeliveryStatus.RetryableFailure)]
    [InlineData(429, DeliveryStatus.RetryableFailure)]
    [InlineData(401, DeliveryStatus.PermanentFailure)]
    [InlineData(400, DeliveryStatus.PermanentFailure)]
    public async Task Other_answers_follow_the_http_classification(int status, DeliveryStatus expected)
    {
        _server.Answer = _ => (status, """{"error":{"status":"SOMETHING"}}""");

        var result = await Deliver(Create("push", [Field("body", "hi")], Device));

        Assert.Equal(expected, result.Status);
        Assert.StartsWith($"HTTP {status}", result.Detail);
    }

    [Fact]
    public async Task A_recipient_without_a_push_token_fails_permanently()
    {
        var result = await Deliver(Create("push", [Field("body", "hi")]));

        Assert.Equal(DeliveryResult.Permanent("the recipient has no push_token"), result);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void The_bearer_token_comes_from_an_environment_variable()
    {
        var error = Assert.Throws<PluginConfigurationException>(() =>
            new PushPlugin().CreateChannels(TestContexts.Create("push", new Dictionary<string, string> { ["Url"] = _server.Url })));
        Assert.Contains("TRIG_PUSH_TOKEN", error.Message);
    }

    private Task<DeliveryResult> Deliver(Delivery delivery) =>
        new PushPlugin().CreateChannels(TestContexts.Create(
                "push",
                new Dictionary<string, string> { ["Url"] = _server.Url + "v1/projects/shop/messages:send" },
                new Dictionary<string, string> { ["TRIG_PUSH_TOKEN"] = Token }))
            .Single()
            .DeliverAsync(delivery, CancellationToken.None);
}
