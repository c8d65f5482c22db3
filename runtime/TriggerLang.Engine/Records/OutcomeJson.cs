using System.Text.Encodings.Web;
using System.Text.Json;
using TriggerLang.Engine.Decision;
using Names = TriggerLang.Engine.Records.OutcomeJsonNames;

namespace TriggerLang.Engine.Records;

/// <summary>
/// Writes outcomes as JSON Lines (LANGUAGE.md §8): one compact object per line, keys always in the
/// same order so that outputs diff cleanly: time, rule, user, channel, status, reason (unless sent),
/// trigger, fields (only when sent), then with explain the <c>explain</c> array and <c>detail</c>.
/// </summary>
public static class OutcomeJson
{
    // Messages carry HTML and non-Latin text: keep them readable; the output is a data file, not a web page.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, Outcome outcome, bool explain)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            WriteObject(json, outcome, explain);
        }
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        // Always \n, whatever the platform: the file is compared byte for byte.
        output.Write('\n');
    }

    /// <summary>
    /// A writer of many outcomes straight to a byte stream (stdout, a file): UTF-8 into one reused buffer, written
    /// out in large blocks, instead of a string and a text write per line. The bytes are those of <see cref="Write"/>.
    /// </summary>
    public static Writer To(Stream output, bool explain) => new(output, explain);

    internal static void WriteObject(Utf8JsonWriter json, Outcome outcome, bool explain)
    {
        json.WriteStartObject();
        Span<char> time = stackalloc char[IsoTime.MaxLength];
        json.WriteString(Names.Time, time[..IsoTime.Format(outcome.Time, time)]);
        json.WriteString(Names.Rule, outcome.Rule);
        json.WriteString(Names.User, outcome.User);
        json.WriteString(Names.Channel, outcome.Channel);
        json.WriteString(Names.Status, Names.Of(outcome.Status));
        if (outcome.Status != OutcomeStatus.Sent && outcome.Reason is { } reason)
        {
            json.WriteString(Names.Reason, Names.Of(reason));
        }
        json.WriteString(Names.Trigger, outcome.Trigger);
        if (outcome.Status == OutcomeStatus.Sent)
        {
            json.WriteStartObject(Names.Fields);
            foreach (var (name, value) in outcome.Fields.IsDefault ? [] : outcome.Fields)
            {
                json.WriteString(name, value);
            }
            json.WriteEndObject();
        }
        if (explain)
        {
            json.WriteStartArray(Names.Explain);
            foreach (var step in outcome.Explanation.IsDefault ? [] : outcome.Explanation)
            {
                json.WriteStringValue(step);
            }
            json.WriteEndArray();
            if (outcome.Detail is { } detail)
            {
                json.WriteString(Names.Detail, detail);
            }
        }
        json.WriteEndObject();
    }

    /// <summary>See <see cref="To"/>. Dispose (or <see cref="Flush"/>) to write out the last block; the stream stays open.</summary>
    public sealed class Writer : IDisposable
    {
        private const int BlockSize = 1 << 16;

        private readonly Stream _output;
        private readonly bool _explain;
        private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(2 * BlockSize);
        private readonly Utf8JsonWriter _json;

        internal Writer(Stream output, bool explain)
        {
            _output = output;
            _explain = explain;
            _json = new Utf8JsonWriter(_buffer, Options);
        }

        public void Write(Outcome outcome)
        {
            WriteObject(_json, outcome, _explain);
            _json.Flush();
            _json.Reset();
            System.Buffers.BuffersExtensions.Write(_buffer, "\n"u8);
            if (_buffer.WrittenCount >= BlockSize)
            {
                _output.Write(_buffer.WrittenSpan);
                _buffer.ResetWrittenCount();
            }
        }

        public void Flush()
        {
            _output.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
            _output.Flush();
        }

        public void Dispose()
        {
            Flush();
            _json.Dispose();
        }
    }
}
