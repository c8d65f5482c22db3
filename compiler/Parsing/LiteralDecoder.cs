using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Parsing;

/// <summary>
/// Turns the loosely lexed literal tokens (strings, durations, times, dates)
/// into values, reporting a precise diagnostic for each malformed one.
/// </summary>
internal sealed class LiteralDecoder(SourceFile file, List<Diagnostic> diagnostics)
{
    /// <summary>Decodes a string token's text (quotes included) that starts at <paramref name="start"/>.</summary>
    public StringLiteralSyntax DecodeString(string raw, int start)
    {
        var value = new StringBuilder(raw.Length);
        var offsets = ImmutableArray.CreateBuilder<int>(raw.Length);
        var i = 1;
        var terminated = false;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (c == '"')
            {
                terminated = i == raw.Length - 1;
                break;
            }
            if (c != '\\')
            {
                offsets.Add(start + i);
                value.Append(c);
                i++;
                continue;
            }
            var escapeLength = DecodeEscape(raw, i, value, start, offsets);
            i += escapeLength;
        }
        offsets.Add(start + Math.Min(i, raw.Length));
        if (!terminated)
        {
            Report(new TextSpan(start, raw.Length), b => b.UnterminatedString());
        }
        return new StringLiteralSyntax(new TextSpan(start, raw.Length), value.ToString(), offsets.ToImmutable());
    }

    /// <summary>Whether a string token's text ends with its closing quote (not an escaped one).</summary>
    public static bool IsTerminated(string raw)
    {
        var i = 1;
        while (i < raw.Length - 1)
        {
            i += raw[i] == '\\' ? 2 : 1;
        }
        return raw.Length >= 2 && i == raw.Length - 1 && raw[i] == '"';
    }

    private int DecodeEscape(string raw, int i, StringBuilder value, int start, ImmutableArray<int>.Builder offsets)
    {
        if (i + 1 >= raw.Length)
        {
            return 1;
        }
        var next = raw[i + 1];
        char? simple = next switch
        {
            '"' => '"',
            '\\' => '\\',
            'n' => '\n',
            't' => '\t',
            _ => null,
        };
        if (simple is { } decoded)
        {
            offsets.Add(start + i);
            value.Append(decoded);
            return 2;
        }
        if (next == 'u' && i + 5 < raw.Length
            && int.TryParse(raw.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            offsets.Add(start + i);
            value.Append((char)code);
            return 6;
        }
        // A bad \u escape covers the hex digits that follow it, never the closing quote.
        var length = 2;
        while (next == 'u' && length < 6 && i + length < raw.Length && char.IsAsciiHexDigit(raw[i + length]))
        {
            length++;
        }
        var escape = raw.Substring(i, length);
        Report(new TextSpan(start + i, length), b => b.InvalidEscape(escape));
        for (var k = 0; k < length; k++)
        {
            offsets.Add(start + i + k);
        }
        value.Append(escape);
        return length;
    }

    /// <summary>Parses <c>45s 30m 2h 1d 1w 1h30m</c>; reports and returns a null value otherwise.</summary>
    public DurationSyntax DecodeDuration(string text, TextSpan span)
    {
        // One parser for durations, shared with the runtime (JSON durations like "30m").
        var value = TriggerLang.Evaluation.TrigOps.ParseDuration(text);
        if (value is null)
        {
            Report(span, b => b.InvalidDuration(text));
        }
        return new DurationSyntax(span, text, value);
    }

    public TimeOfDaySyntax DecodeTime(string text, TextSpan span)
    {
        var colon = text.IndexOf(':');
        TimeOnly? value = null;
        if (colon > 0
            && int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            && hour is >= 0 and < 24 && minute is >= 0 and < 60)
        {
            value = new TimeOnly(hour, minute);
        }
        else
        {
            Report(span, b => b.InvalidTime(text));
        }
        return new TimeOfDaySyntax(span, text, value);
    }

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    /// <summary>A date or date-time; without an offset it is UTC (LANGUAGE.md §3, <c>active</c>).</summary>
    public DateTimeSyntax DecodeDateTime(string text, TextSpan span)
    {
        DateTimeOffset? value = DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
        if (value is null)
        {
            Report(span, b => b.InvalidDateTime(text));
        }
        return new DateTimeSyntax(span, text, value);
    }

    public IntegerSyntax DecodeInteger(string text, TextSpan span)
    {
        int? value = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        if (value is null)
        {
            Report(span, b => b.NumberOutOfRange(text));
        }
        return new IntegerSyntax(span, text, value);
    }

    /// <summary>Integer and decimal literals of expressions, as <c>decimal</c> (28 significant digits).</summary>
    public decimal? DecodeNumber(string text, TextSpan span)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        Report(span, b => b.NumberOutOfRange(text));
        return null;
    }

    private void Report(TextSpan span, Func<DiagnosticBuilder, Diagnostic> build) =>
        diagnostics.Add(build(DiagnosticBuilder.At(file, span)));
}
