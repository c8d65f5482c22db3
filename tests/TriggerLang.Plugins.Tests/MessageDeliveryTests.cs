using NodaTime;
using TriggerLang.Engine.Decision;
using TriggerLang.Evaluation;
using TriggerLang.Plugins.Hosting;

namespace TriggerLang.Plugins.Tests;

/// <summary>The engine's outgoing message, adapted to an SDK delivery and sent through a plugin.</summary>
public class MessageDeliveryTests
{
    [Fact]
    public void An_outgoing_message_becomes_a_delivery_with_the_recipients_addresses()
    {
        var user = new Recipient { Id = "u1", Email = "ana@example.com", Phone = "" };
        var message = Message("echo");

        var delivery = MessageDelivery.ToDelivery(message, "welcome", user);

        Assert.Equal(("echo", "welcome", "u1", "e7", "welcome/u1/e7/echo"),
            (delivery.Channel, delivery.Rule, delivery.RecipientId, delivery.Trigger, delivery.IdempotencyKey));
        Assert.Equal(new Dictionary<string, string> { ["email"] = "ana@example.com" }, delivery.Addresses);
        Assert.Equal("Hi Ana", delivery.Field("text"));
        Assert.Equal(message.Time, delivery.Time);
    }

    [Fact]
    public async Task The_adapter_delivers_through_the_channels_plugin()
    {
        using var folder = new PluginsFolder().With("TestPlugins.Echo", "echo");
        using var host = PluginHost.Load(new PluginHostOptions(folder.Path));

        var result = await new MessageDelivery(host).DeliverAsync(Message("echo"), "welcome", new Recipient { Id = "u1" });

        Assert.Equal(new DeliveryResult(DeliveryStatus.Delivered, "Hi Ana to u1"), result);
    }

    private static OutgoingMessage Message(string channel)
    {
        var time = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var trigger = new Signup { Id = "e7", UserId = "u1", Time = time };
        var send = new PendingSend(1, 0, "u1", trigger, 1, time, DateTimeZone.Utc);
        return new OutgoingMessage(send, time, channel, [new("text", "Hi Ana")], "welcome");
    }

    private sealed class Recipient : UserRecord
    {
        protected override void SetDeclaredAttribute(string name, System.Text.Json.JsonElement value)
        {
        }

        public override object? GetAttribute(int index) => GetBuiltIn(index);
    }

    private sealed class Signup : EventRecord
    {
        public override string Name => "signup";

        public override void ReadProperties(System.Text.Json.JsonElement properties)
        {
        }

        public override object? GetField(int index) => null;
    }
}
