using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TriggerLang.Engine.Decision;

namespace TriggerLang.Engine.Records;

/// <summary>
/// Lays out one outcome line's UTF-8 bytes (<see cref="OutcomeJson"/>). The line's shape is fixed, so its keys and
/// punctuation are copied as they are, and a text of printable ASCII that needs no escape (ids, names, times, most
/// messages) is copied narrowed; any other text is escaped by a <see cref="Utf8JsonWriter"/> with the options the
/// line has always been written with, so the bytes are those it wrote for the whole line. Writing every value
/// through the writer checked each one for characters to escape and converted it again, and was a tenth of
/// <c>trig simulate</c>.
/// </summary>
internal sealed class OutcomeLine
{
    // Messages carry HTML and non-Latin text: keep them readable; the output is a data file, not a web page.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The characters the writer leaves as they are, whatever its encoder: printable ASCII but the quote and the
    // backslash. Control characters and everything past ASCII go to the writer (the relaxed encoder still escapes
    // some of them, such as characters outside the Basic Multilingual Plane).
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        [.. Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => c is not ('"' or '\\'))]);

    // The longest a character gets escaped (\uXXXX), and what a line holds besides its texts: the keys and punctuation
    // of every member (102 bytes), and the status and reason between their quotes (29 at most).
    private const int MaxBytesPerChar = 6;
    private const int Frame = 131;

    // Made on the first text that needs them.
    private ArrayBufferWriter<byte>? _escaped;
    private Utf8JsonWriter? _escaper;

    /// <summary>Writes the outcome as one JSON object, keys in the order of §8, without the line's end.</summary>
    public void Write(IBufferWriter<byte> output, Outcome outcome, bool explain)
    {
        var bytes = new Bytes(output.GetSpan(MaxLength(outcome, explain)));
        Span<char> time = stackalloc char[IsoTime.MaxLength];
        // The time and the status and reason names are digits, letters and punctuation: plain, never escaped.
        bytes.Append("{\"time\":"u8);
        bytes.Quoted(time[..IsoTime.Format(outcome.Time, time)]);
        bytes.Append(",\"rule\":"u8);
        Text(ref bytes, outcome.Rule);
        bytes.Append(",\"user\":"u8);
        Text(ref bytes, outcome.User);
        bytes.Append(",\"channel\":"u8);
        Text(ref bytes, outcome.Channel);
        bytes.Append(",\"status\":"u8);
        bytes.Quoted(OutcomeNames.Of(outcome.Status));
        if (outcome.Status != OutcomeStatus.Sent && outcome.Reason is { } reason)
        {
            bytes.Append(",\"reason\":"u8);
            bytes.Quoted(OutcomeNames.Of(reason));
        }
        bytes.Append(",\"trigger\":"u8);
        Text(ref bytes, outcome.Trigger);
        if (outcome.Status == OutcomeStatus.Sent)
        {
            bytes.Append(",\"fields\":{"u8);
            var first = true;
            foreach (var (name, value) in outcome.Fields.IsDefault ? [] : outcome.Fields)
            {
                bytes.Append(first ? ""u8 : ","u8);
                first = false;
                Text(ref bytes, name);
                bytes.Append(":"u8);
                Text(ref bytes, value);
            }
            bytes.Append("}"u8);
        }
        if (explain)
        {
            bytes.Append(",\"explain\":["u8);
            var first = true;
            foreach (var step in outcome.Explanation.IsDefault ? [] : outcome.Explanation)
            {
                bytes.Append(first ? ""u8 : ","u8);
                first = false;
                Text(ref bytes, step);
            }
            bytes.Append("]"u8);
            if (outcome.Detail is { } detail)
            {
                bytes.Append(",\"detail\":"u8);
                Text(ref bytes, detail);
            }
        }
        bytes.Append("}"u8);
        output.Advance(bytes.Length);
    }

    /// <summary>The most bytes the line can take: every text escaped at its longest, and each with its quotes and separator.</summary>
    private static int MaxLength(Outcome outcome, bool explain)
    {
        var chars = IsoTime.MaxLength + outcome.Rule.Length + outcome.User.Length + outcome.Channel.Length + outcome.Trigger.Length;
        var texts = 5;
        foreach (var (name, value) in outcome.Fields.IsDefault ? [] : outcome.Fields)
        {
            chars += name.Length + value.Length;
            texts += 2;
        }
        if (explain)
        {
            foreach (var step in outcome.Explanation.IsDefault ? [] : outcome.Explanation)
            {
                chars += step.Length;
                texts++;
            }
            if (outcome.Detail is { } detail)
            {
                chars += detail.Length;
                texts++;
            }
        }
        return Frame + MaxBytesPerChar * chars + 3 * texts;
    }

    /// <summary>A JSON string: quoted, and escaped as the writer escapes it.</summary>
    private void Text(ref Bytes bytes, scoped ReadOnlySpan<char> text)
    {
        if (!text.ContainsAnyExcept(Plain))
        {
            bytes.Quoted(text);
            return;
        }
        _escaped ??= new ArrayBufferWriter<byte>();
        _escaper ??= new Utf8JsonWriter(_escaped, Options);
        try
        {
            _escaper.WriteStringValue(text);
            _escaper.Flush();
            bytes.Append(_escaped.WrittenSpan);
        }
        finally
        {
            // Also after a text the writer refuses (a lone surrogate), so that the next line starts clean.
            _escaper.Reset();
            _escaped.ResetWrittenCount();
        }
    }

    /// <summary>The line's bytes as they are laid out, in a span long enough for all of them.</summary>
    private ref struct Bytes(Span<byte> span)
    {
        private readonly Span<byte> _span = span;

        public int Length { get; private set; }

        public void Append(scoped ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_span[Length..]);
            Length += bytes.Length;
        }

        /// <summary>Printable ASCII, between quotes.</summary>
        public void Quoted(scoped ReadOnlySpan<char> ascii)
        {
            _span[Length] = (byte)'"';
            Ascii.FromUtf16(ascii, _span[(Length + 1)..], out var written);
            Length += written + 1;
            _span[Length++] = (byte)'"';
        }
    }
}
