using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TriggerLang.Runtime.Api;

/// <summary>
/// "Why didn't user X get message Y?": the user's outcomes, newest first, each with the chain of decisions that led
/// to it; the sends still pending for them, and the messages decided but not yet delivered.
/// </summary>
internal static class UserTrace
{
    private const int MaxOutcomes = 500;

    public static async Task WriteAsync(SqliteConnection connection, string user, Stream output, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("user", user);
        json.WriteStartArray("outcomes");
        foreach (var (line, explanation) in await connection.QueryAsync<(string, string?)>(
            "SELECT line, explanation FROM outcomes WHERE user_id = @User ORDER BY decision DESC LIMIT @Limit", new { User = user, Limit = MaxOutcomes }))
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
        foreach (var (rule, due, payload) in await connection.QueryAsync<(string, long, string)>(
            "SELECT rule, due, payload FROM pending WHERE recipient = @User ORDER BY due, id", new { User = user }))
        {
            using var send = JsonDocument.Parse(payload);
            json.WriteStartObject();
            json.WriteString("rule", rule);
            json.WriteString("due", Engine.IsoTime.Format(new DateTimeOffset(due, TimeSpan.Zero)));
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
        foreach (var (channel, delivery) in await connection.QueryAsync<(string, string)>(
            "SELECT channel, delivery FROM deliveries WHERE json_extract(delivery, '$.RecipientId') = @User", new { User = user }))
        {
            using var message = JsonDocument.Parse(delivery);
            json.WriteStartObject();
            json.WriteString("rule", message.RootElement.GetProperty("Rule").GetString());
            json.WriteString("channel", channel);
            json.WriteString("idempotency_key", message.RootElement.GetProperty("IdempotencyKey").GetString());
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}
