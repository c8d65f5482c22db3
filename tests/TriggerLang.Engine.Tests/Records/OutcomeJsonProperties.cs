using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using TriggerLang.Engine.Decision;
using TriggerLang.Engine.Records;

namespace TriggerLang.Engine.Tests.Records;

/// <summary>
/// Outcome lines are laid out by hand (<c>OutcomeLine</c>): every outcome, whatever its texts hold, must give the bytes
/// <see cref="Utf8JsonWriter"/> writes for it with the relaxed escaping the lines have always had, or fail as it fails.
/// Outputs are compared byte for byte by users' tests and CI, so one byte of difference is a broken contract.
/// </summary>
public sealed class OutcomeJsonProperties
{
    // Characters chosen to reach every branch: plain ASCII, what JSON must escape, what the relaxed encoder leaves
    // (accents, the euro, HTML), what it escapes (DEL, U+2028, characters past the Basic Multilingual Plane), and
    // lone surrogates, which the writer refuses.
    private static readonly Gen<string> Text = Gen.OneOf(
            Gen.Char['a', 'z'], Gen.Char[' ', '~'], Gen.OneOf<char>('"', '\\', '\n', '\t', '\0', '\u001f', '\u007f'),
            Gen.OneOf<char>('é', '€', '—', '<', '&', '\'', '\u2028', '\u00a0', '\ufeff'))
        .Array[0, 12].Select(chars => new string(chars))
        .Select(Gen.Int[0, 40], (text, n) => n switch
        {
            0 => text + "🍷",
            1 => text + "\ud800",
            _ => text,
        });

    private static readonly Gen<ImmutableArray<KeyValuePair<string, string>>> Fields =
        Gen.Select(Text, Text, (name, value) => new KeyValuePair<string, string>(name, value)).Array[0, 3].Select(f => f.ToImmutableArray());

    private static readonly Gen<Outcome> Outcomes =
        Gen.Select(Gen.Long[0, DateTime.MaxValue.Ticks / 2], Gen.Select(Text, Text, Text), Gen.Enum<OutcomeStatus>(), Gen.Enum<OutcomeReason>().Select(Gen.Bool, (reason, some) => some ? reason : (OutcomeReason?)null),
            Fields, Text.Array[0, 3], Text.Null(),
            (ticks, names, status, reason, fields, explanation, detail) => new Outcome(new DateTimeOffset(ticks, TimeSpan.Zero), names.Item1,
                names.Item2, "email", status, reason, names.Item3, fields, [.. explanation], detail));

    [Fact]
    public void Every_outcome_is_written_as_the_json_writer_writes_it()
    {
        Gen.Select(Outcomes, Gen.Bool).Sample((outcome, explain) =>
        {
            var expected = Reference(outcome, explain);
            var written = Written(outcome, explain);
            Assert.Equal(expected.Bytes is null, written.Bytes is null);
            if (expected.Bytes is { } bytes)
            {
                Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(written.Bytes!));
                Assert.Equal(bytes, written.Bytes);
            }
        });
    }

    private static (byte[]? Bytes, Exception? Failure) Written(Outcome outcome, bool explain)
    {
        var output = new MemoryStream();
        try
        {
            using (var writer = OutcomeJson.To(output, explain))
            {
                writer.Write(outcome);
            }
            return (output.ToArray(), null);
        }
        catch (ArgumentException failure)
        {
            return (null, failure);
        }
    }

    /// <summary>The line as the writer wrote it before it was laid out by hand: every key and value through <see cref="Utf8JsonWriter"/>.</summary>
    private static (byte[]? Bytes, Exception? Failure) Reference(Outcome outcome, bool explain)
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("time", IsoTime.Format(outcome.Time));
                json.WriteString("rule", outcome.Rule);
                json.WriteString("user", outcome.User);
                json.WriteString("channel", outcome.Channel);
                json.WriteString("status", OutcomeNames.Of(outcome.Status));
                if (outcome.Status != OutcomeStatus.Sent && outcome.Reason is { } reason)
                {
                    json.WriteString("reason", OutcomeNames.Of(reason));
                }
                json.WriteString("trigger", outcome.Trigger);
                if (outcome.Status == OutcomeStatus.Sent)
                {
                    json.WriteStartObject("fields");
                    foreach (var (name, value) in outcome.Fields)
                    {
                        json.WriteString(name, value);
                    }
                    json.WriteEndObject();
                }
                if (explain)
                {
                    json.WriteStartArray("explain");
                    foreach (var step in outcome.Explanation)
                    {
                        json.WriteStringValue(step);
                    }
                    json.WriteEndArray();
                    if (outcome.Detail is { } detail)
                    {
                        json.WriteString("detail", detail);
                    }
                }
                json.WriteEndObject();
            }
            buffer.Write("\n"u8);
            return (buffer.WrittenSpan.ToArray(), null);
        }
        catch (ArgumentException failure)
        {
            return (null, failure);
        }
    }
}
