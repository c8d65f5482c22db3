using System.Buffers;
using System.Text.Json;

namespace TriggerLang.Plugins.Push;

/// <summary>
/// The FCM HTTP v1 request body:
/// <c>{"message":{"token":…,"notification":{"title":…,"body":…},"data":{"url":…}}}</c>;
/// <c>title</c> and <c>data</c> only when the rule set them.
/// </summary>
internal static class PushMessage
{
    public static byte[] Write(string token, Delivery delivery)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("message");
            json.WriteString("token", token);
            json.WriteStartObject("notification");
            if (delivery.Field("title") is { } title)
            {
                json.WriteString("title", title);
            }
            json.WriteString("body", delivery.Field("body") ?? "");
            json.WriteEndObject();
            if (delivery.Field("url") is { } url)
            {
                // FCM's notification has no link: apps read it from data.
                json.WriteStartObject("data");
                json.WriteString("url", url);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
