using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using TriggerLang.Engine;
using TriggerLang.Engine.Decision;
using TriggerLang.Evaluation;

namespace TriggerLang.Runtime.Storage;

/// <summary>
/// A pending send as the <c>pending</c> table keeps it: id, due time, rule name and recipient in columns (the sweep
/// and the trace read them), the rest as one JSON payload — trigger order, zone, the trigger event, the digest batch,
/// the exception candidates and the explanation. Rules are stored by name: their numbers change when rules are
/// added or removed.
/// </summary>
internal sealed class PendingJson(StoredRecords records, RuleBook rules)
{
    private readonly Dictionary<string, int> _ruleByName = rules.Rules
        .Select((rule, index) => (rule.Name, index))
        .ToDictionary(r => r.Name, r => r.index, StringComparer.Ordinal);

    public int? RuleIndex(string name) => _ruleByName.TryGetValue(name, out var index) ? index : null;

    public string Payload(PendingSend send)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("order", send.TriggerOrder);
            // What an outcome needs if the rule is gone when the send is read back (StateLoader's orphans).
            json.WriteString("channel", rules.Rules[send.Rule].Sends[0].Channel.Name);
            json.WriteString("trigger_id", send.Trigger.Id);
            json.WriteString("zone", send.Zone.Id);
            json.WritePropertyName("trigger");
            records.WriteEvent(json, send.Trigger);
            if (send.Digest is { } digest)
            {
                json.WriteStartObject("digest");
                json.WriteString("time", IsoTime.Format(digest.DigestTime));
                if (digest.Max is { } max)
                {
                    json.WriteNumber("max", max);
                }
                json.WriteNumber("count", digest.Count);
                json.WriteStartArray("events");
                foreach (var e in digest.Events)
                {
                    records.WriteEvent(json, e);
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            if (send.ExceptionCandidates is { Count: > 0 } candidates)
            {
                json.WriteStartArray("candidates");
                foreach (var (unless, e) in candidates)
                {
                    json.WriteStartObject();
                    json.WriteNumber("unless", unless);
                    json.WritePropertyName("event");
                    records.WriteEvent(json, e);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            if (!send.ExplanationJson.IsEmpty)
            {
                // Still as it was read: written back as it is, not decoded to be encoded again.
                json.WritePropertyName("explanation");
                json.WriteRawValue(send.ExplanationJson.Span, skipInputValidation: true);
            }
            else if (send.Explanation is { } explanation)
            {
                json.WriteStartArray("explanation");
                foreach (var line in explanation)
                {
                    json.WriteStringValue(line);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// The send, from its columns and its payload's UTF-8 bytes (only read during the call); null when its rule no
    /// longer exists. Its explanation stays JSON (<see cref="PendingSend.ExplanationJson"/>), kept by the scope, which
    /// also shares one trigger event between the sends of one input read one after the other.
    /// </summary>
    public PendingSend? Read(StoredPending row, ReadOnlyMemory<byte> payload, PendingReadScope scope)
    {
        var (id, due, rule, recipient) = row;
        if (RuleIndex(rule) is not { } index)
        {
            return null;
        }
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var source = $"pending send {id}";
        var order = root.GetProperty("order").GetInt64();
        if (!scope.TryTrigger(order, root.GetProperty("trigger_id"), out var trigger))
        {
            trigger = scope.Share(order, records.ReadEvent(root.GetProperty("trigger"), source));
        }
        if (trigger.UserId == recipient)
        {
            // One string for both: the trigger's user is most often the recipient.
            trigger.UserId = recipient;
        }
        var send = new PendingSend(id, index, recipient, trigger, order, due, scope.Zone(root.GetProperty("zone")))
        {
            Digest = root.TryGetProperty("digest", out var batch) ? ReadDigest(batch, source) : null,
            ExplanationJson = root.TryGetProperty("explanation", out var lines) ? scope.Explanations.Keep(JsonMarshal.GetRawUtf8Value(lines)) : default,
        };
        if (root.TryGetProperty("candidates", out var candidates))
        {
            var clauses = rules.Rules[index].Unless;
            foreach (var candidate in candidates.EnumerateArray())
            {
                var unless = candidate.GetProperty("unless").GetInt32();
                var e = records.ReadEvent(candidate.GetProperty("event"), source);
                // After a reload the rule may have other unless clauses: a candidate counts only for a clause on its event.
                if (unless < clauses.Length && clauses[unless].Event.Name == e.Name)
                {
                    send.ExceptionCandidates.Add((unless, e));
                }
            }
        }
        return send;
    }

    private DigestBatch ReadDigest(JsonElement batch, string source) => DigestBatch.Restore(
        DateTimeOffset.Parse(batch.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        batch.TryGetProperty("max", out var max) ? max.GetInt32() : null,
        [.. batch.GetProperty("events").EnumerateArray().Select(e => records.ReadEvent(e, source))],
        batch.GetProperty("count").GetInt32());
}
