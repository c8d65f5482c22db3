using System.Text.Json;
using TriggerLang.Runtime.Storage;

namespace TriggerLang.Runtime.Api;

/// <summary>
/// "Why didn't user X get message Y?": the user's outcomes, newest first, each with the chain of decisions that led
/// to it; the sends still pending for them, and the messages decided but not yet delivered.
/// </summary>
internal static class UserTrace
{
    private const int MaxOutcomes = 500;

    public static async Task WriteAsync(IRuntimeStore store, string user, Stream output, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("user", user);
        json.WriteStartArray("outcomes");
        foreach (var (line, explanation) in await store.OutcomesOf(user, MaxOutcomes, cancellationToken))
        {
            using var outcome = JsonDocument.Parse(line);
            json.WriteStartObject();
            foreach (var property in outcome.RootElement.EnumerateObject())
            {
                property.WriteTo(json);
            }
            if (explanation is not null)
            {
                json.WritePropertyName("explain");
                json.WriteRawValue(explanation);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("pending");
        foreach (var (rule, due, payload) in await store.PendingOf(user, cancellationToken))
        {
            using var send = JsonDocument.Parse(payload);
            json.WriteStartObject();
            json.WriteString("rule", rule);
            json.WriteString("due", Engine.IsoTime.Format(due));
            json.WriteString("trigger", send.RootElement.GetProperty("trigger_id").GetString());
            if (send.RootElement.TryGetProperty("explanation", out var explain))
            {
                json.WritePropertyName("explain");
                explain.WriteTo(json);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("delivering");
        foreach (var delivery in await store.DeliveriesOf(user, cancellationToken))
        {
            using var message = JsonDocument.Parse(delivery.Delivery);
            json.WriteStartObject();
            json.WriteString("rule", message.RootElement.GetProperty("Rule").GetString());
            json.WriteString("channel", delivery.Channel);
            json.WriteString("idempotency_key", delivery.Key);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}
