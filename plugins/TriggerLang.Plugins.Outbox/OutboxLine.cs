using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TriggerLang.Plugins.Outbox;

/// <summary>
/// A delivery as one compact JSON line, keys always in the same order (as the engine's outcomes, LANGUAGE.md §8):
/// time, rule, user, channel, trigger, idempotency_key, addresses (sorted by name), fields (in the channel's order).
/// </summary>
internal static class OutboxLine
{
    // Messages carry HTML and non-Latin text: keep them readable; the outbox is a data file, not a web page.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Reused per thread: at tens of thousands of deliveries a second, a fresh buffer per line is most of the cost.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>The line, with its final <c>\n</c>; valid until this thread's next call.</summary>
    public static ReadOnlySpan<byte> Write(Delivery delivery)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = t_writer ??= new Utf8JsonWriter(buffer, Options);
        json.Reset(buffer);

        json.WriteStartObject();
        Span<char> time = stackalloc char[32];
        // The engine's time format (IsoTime): UTC, trailing zeros of the fraction dropped.
        delivery.Time.UtcDateTime.TryFormat(time, out var length, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        json.WriteString("time", time[..length]);
        json.WriteString("rule", delivery.Rule);
        json.WriteString("user", delivery.RecipientId);
        json.WriteString("channel", delivery.Channel);
        json.WriteString("trigger", delivery.Trigger);
        json.WriteString("idempotency_key", delivery.IdempotencyKey);
        json.WriteStartObject("addresses");
        foreach (var (name, value) in delivery.Addresses.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            json.WriteString(name, value);
        }
        json.WriteEndObject();
        json.WriteStartObject("fields");
        foreach (var (name, value) in delivery.Fields)
        {
            json.WriteString(name, value);
        }
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();

        // Always \n, whatever the platform, as the engine's outcome files.
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
        return buffer.WrittenSpan;
    }
}
