using MimeKit;
using TriggerLang.Plugins.Channels.Tests.Http;
using TriggerLang.Plugins.Smtp;
using static TriggerLang.Plugins.Channels.Tests.TestDeliveries;

namespace TriggerLang.Plugins.Channels.Tests.Smtp;

public sealed class SmtpTests : IDisposable
{
    private static readonly Dictionary<string, string> Ann = new() { ["email"] = "ann@example.com" };
    private readonly Lazy<SmtpServer> _server = new(() => new SmtpServer());

    public void Dispose()
    {
        if (_server.IsValueCreated)
        {
            _server.Value.Dispose();
        }
    }

    [SmtpFact]
    public async Task Sends_the_subject_and_body_from_the_configured_sender()
    {
        var result = await Deliver(Create("email", [Field("subject", "Your cart misses you"), Field("body", "Hello Ann,\n2 items — €150 are waiting.")], Ann));

        Assert.Equal(DeliveryResult.Delivered(), result);
        var message = Assert.Single(_server.Value.Messages);
        Assert.Equal("\"Shop\" <noreply@shop.example>", message.From.ToString());
        Assert.Equal("ann@example.com", message.To.ToString());
        Assert.Equal("Your cart misses you", message.Subject);
        // The idempotency key's SHA-256, 32 hex digits of it, at the sender's domain.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("cart_recovery/u1/e1/email"u8))[..32];
        Assert.Equal($"{hash}@shop.example", message.MessageId);
        var body = Assert.IsType<TextPart>(message.Body);
        Assert.True(body.IsPlain);
        // SMTP ends every message with a line break.
        Assert.Equal("Hello Ann,\n2 items — €150 are waiting.\n", body.Text.ReplaceLineEndings("\n"));
    }

    [SmtpTheory]
    [InlineData("<p>Hello <b>Ann</b></p>", "html")]
    [InlineData("  <!DOCTYPE html>\n<html><body>Hi</body></html>\n", "html")]
    [InlineData("<3 your cart", "plain")]
    [InlineData("Hello <b>Ann</b>", "plain")]
    public async Task The_body_is_html_when_it_is_tagged_from_start_to_end(string text, string subtype)
    {
        await Deliver(Create("email", [Field("body", text)], Ann));

        Assert.Equal(subtype, Assert.IsType<TextPart>(Assert.Single(_server.Value.Messages).Body).ContentType.MediaSubtype);
    }

    [SmtpFact]
    public async Task Every_attempt_at_one_message_carries_the_same_message_id()
    {
        await Deliver(Create("email", [Field("body", "one")], Ann, key: "k1"));
        await Deliver(Create("email", [Field("body", "again")], Ann, key: "k1"));
        await Deliver(Create("email", [Field("body", "other")], Ann, key: "k2"));

        var ids = _server.Value.Messages.Select(m => m.MessageId).ToList();
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
    }

    [SmtpFact]
    public async Task A_5xx_reply_is_permanent()
    {
        var result = await Deliver(Create("email", [Field("body", "hi")], new Dictionary<string, string> { ["email"] = "reject@example.com" }));

        Assert.Equal(DeliveryStatus.PermanentFailure, result.Status);
        Assert.StartsWith("SMTP 550", result.Detail);
        Assert.Empty(_server.Value.Messages);
    }

    [SmtpFact]
    public async Task A_4xx_reply_is_retryable()
    {
        var result = await Deliver(Create("email", [Field("body", "hi")], new Dictionary<string, string> { ["email"] = "later@example.com" }));

        Assert.Equal(DeliveryStatus.RetryableFailure, result.Status);
        Assert.StartsWith("SMTP 451", result.Detail);
    }

    [SmtpFact]
    public async Task Authenticates_with_the_password_from_the_environment()
    {
        var result = await Deliver(Create("email", [Field("body", "hi")], Ann), Authenticated(), "right-password");

        Assert.Equal(DeliveryResult.Delivered(), result);
        Assert.Single(_server.Value.Messages);
    }

    [SmtpFact]
    public async Task Refused_credentials_are_permanent_and_not_quoted()
    {
        var result = await Deliver(Create("email", [Field("body", "hi")], Ann), Authenticated(), "wrong-password");

        Assert.Equal(DeliveryResult.Permanent("the SMTP server refused the credentials (settings User and PasswordVariable)"), result);
        Assert.Empty(_server.Value.Messages);
    }

    [SmtpFact]
    public async Task Starttls_is_required_not_opportunistic()
    {
        var settings = Settings(_server.Value.Port);
        settings["Tls"] = "starttls";

        var result = await Deliver(Create("email", [Field("body", "hi")], Ann), settings);

        Assert.Equal(DeliveryStatus.PermanentFailure, result.Status);
        Assert.StartsWith("the SMTP server does not support", result.Detail);
        Assert.Empty(_server.Value.Messages);
    }

    [Fact]
    public async Task A_refused_connection_is_retryable()
    {
        var result = await Channel(LocalHttpServer.FreePort()).DeliverAsync(Create("email", [Field("body", "hi")], Ann), CancellationToken.None);

        Assert.Equal(DeliveryStatus.RetryableFailure, result.Status);
        Assert.StartsWith("cannot talk to the SMTP server", result.Detail);
    }

    [Theory]
    [InlineData(null, "no email address")]
    [InlineData("not an address", "not valid")]
    public async Task A_recipient_without_a_valid_address_fails_permanently(string? address, string reason)
    {
        var addresses = address is null ? [] : new Dictionary<string, string> { ["email"] = address };

        var result = await Channel(LocalHttpServer.FreePort()).DeliverAsync(Create("email", [Field("body", "hi")], addresses), CancellationToken.None);

        Assert.Equal(DeliveryStatus.PermanentFailure, result.Status);
        Assert.Contains(reason, result.Detail);
    }

    [Theory]
    [InlineData("Host", null, "Plugins:smtp:Host")]
    [InlineData("From", "nobody", "Plugins:smtp:From")]
    [InlineData("Tls", "maybe", "Plugins:smtp:Tls")]
    [InlineData("Port", "70000", "Plugins:smtp:Port")]
    [InlineData("User", "shop", "TRIG_SMTP_PASSWORD")]
    public void Wrong_settings_are_configuration_errors_that_name_the_key(string key, string? value, string named)
    {
        var settings = Settings(25);
        settings.Remove(key);
        if (value is not null)
        {
            settings[key] = value;
        }

        var error = Assert.Throws<PluginConfigurationException>(() => new SmtpPlugin().CreateChannels(TestContexts.Create("smtp", settings)));
        Assert.Contains(named, error.Message);
    }

    private Task<DeliveryResult> Deliver(Delivery delivery) => Deliver(delivery, Settings(_server.Value.Port));

    private static Task<DeliveryResult> Deliver(Delivery delivery, Dictionary<string, string> settings, string? password = null) =>
        new SmtpPlugin().CreateChannels(TestContexts.Create("smtp", settings, password is null ? null : new Dictionary<string, string> { ["SHOP_SMTP_PASSWORD"] = password }))
            .Single()
            .DeliverAsync(delivery, CancellationToken.None);

    // The server accepts the login "trig" with "right-password" (smtp_server.py).
    private Dictionary<string, string> Authenticated()
    {
        var settings = Settings(_server.Value.Port);
        settings["User"] = "trig";
        settings["PasswordVariable"] = "SHOP_SMTP_PASSWORD";
        return settings;
    }

    private static IChannel Channel(int port) => new SmtpPlugin().CreateChannels(TestContexts.Create("smtp", Settings(port))).Single();

    private static Dictionary<string, string> Settings(int port) => new()
    {
        ["Host"] = "127.0.0.1",
        ["Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Tls"] = "none",
        ["From"] = "Shop <noreply@shop.example>",
        ["TimeoutSeconds"] = "20",
    };
}
