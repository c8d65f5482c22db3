using CsCheck;

namespace TriggerLang.Engine.Tests.Records;

/// <summary>
/// Generated JSON Lines event lines for the fast reader's differential tests: an event with a field of every type
/// (<see cref="Schema"/>), written every way JSON allows — keys in any order, extra keys with nested junk, optional
/// fields absent or null, numbers with many scales and exponents and out of decimal's range, strings with escapes and
/// unicode, times in and out of the common shape — and, with <see cref="Any"/>, wrong in every way too.
/// </summary>
internal static class EventLines
{
    public const string Schema = """
        event every {
          text: string
          count: int
          amount: decimal
          price: money
          flag: bool
          at: timestamp
          wait: duration
          actor: user
          maybe_text: string?
          maybe_count: int?
          maybe_at: timestamp?
          maybe_wait: duration?
          texts: list<string>
          counts: list<int>?
          prices: list<money>?
          flags: list<bool>?
          ats: list<timestamp>?
          waits: list<duration>?
        }
        event few { note: string? }
        user { country: string? }
        rule r on every send email "x"
        """;

    /// <summary>Lines the fast path must take: nothing wrong, nothing escaped in keys, times in the common UTC shape.</summary>
    public static Gen<string> Plain => Line(Kind.Plain);

    /// <summary>Plain lines with now and then a key repeated (both values good) or escaped: the full path reads them, the fast one must not guess.</summary>
    public static Gen<string> Doubtful => Line(Kind.Doubtful);

    /// <summary>Plain lines with the members in the order writers put them: the shape the fast reader reads by position.</summary>
    public static Gen<string> PlainInWritersOrder => Line(Kind.Plain, inWritersOrder: true);

    /// <summary>
    /// Lines with the members in the order writers put them (type, id, name, user, time, properties, then any extra), of
    /// every kind: the shape the fast reader reads by position.
    /// </summary>
    public static Gen<string> InWritersOrder =>
        Gen.Frequency((2, PlainInWritersOrder), (1, Line(Kind.Doubtful, inWritersOrder: true)), (2, Line(Kind.Wrong, inWritersOrder: true)));

    /// <summary>Lines of every kind: wrong values, missing and repeated keys, other record types, unknown events.</summary>
    public static Gen<string> Any => Gen.Frequency((3, Line(Kind.Wrong)), (1, Plain), (1, Doubtful), (2, InWritersOrder));

    private enum Kind
    {
        Plain,
        Doubtful,
        Wrong,
    }

    /// <summary>Pieces that break a line when dropped into it (no line breaks: one line stays one line).</summary>
    public static readonly string[] Fragments =
        ["", "{", "}", "[", "]", "\"", ",", ":", "null", "true", "1e400", "-0", "0.10", "\\", "\\u0000", "\\ud800", "\\u0065", "\ud800",
         "\uFEFF", "é", "𝄞", "\"type\":\"user\",", "\"properties\":null,", "\"time\":\"2026-12-01T10:00:00+01:00\",", "99999999999999999999999999999999"];

    private static readonly Gen<string> Digits = Gen.Char['0', '9'].Array[1, 32].Select(digits => new string(digits));

    /// <summary>Valid JSON numbers: integers, fractions with trailing zeros, exponents, beyond decimal's range and precision.</summary>
    private static readonly Gen<string> Number = Gen.Frequency(
        (4, Gen.Select(Gen.Bool, Digits, Gen.Int[0, 2], Digits, Gen.Int[0, 3], Gen.Int[0, 40], (negative, whole, fractionKind, fraction, exponentKind, exponent) =>
            (negative ? "-" : "") + (whole.TrimStart('0') is { Length: > 0 } w ? w : "0")
            + (fractionKind == 0 ? "" : "." + (fractionKind == 1 ? fraction[..1] : fraction))
            + exponentKind switch { 0 => "", 1 => $"e{exponent}", 2 => $"E+{exponent}", _ => $"e-{exponent}" })),
        (2, Gen.Int[-1000, 1000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("0", "-0", "0.0", "1.50", "150", "150.00", "1e400", "-1e400", "1e-400", "79228162514264337593543950335",
            "79228162514264337593543950336", "-79228162514264337593543950335", "0.0000000000000000000000000001", "1E-29", "1E+28",
            "123456789012345678901234567890.5", "1.0000000000000000000000000000001", "7.9228162514264337593543950335E28", "2.5e1", "25e-1")));

    /// <summary>Numbers a decimal holds, with scales (trailing zeros kept) and small exponents.</summary>
    private static readonly Gen<string> Amount = Gen.Select(Gen.Bool, Gen.Long[0, 999_999_999_999], Gen.Int[0, 10], Gen.Int[-6, 6], Gen.Bool,
        (negative, digits, scale, exponent, withExponent) =>
        {
            var text = digits.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(scale + 1, '0');
            return (negative ? "-" : "") + (scale == 0 ? text : $"{text[..^scale]}.{text[^scale..]}") + (withExponent ? $"e{exponent}" : "");
        });

    /// <summary>Whole numbers, some written with a fraction or an exponent.</summary>
    private static readonly Gen<string> Whole = Gen.Frequency(
        (4, Gen.Int[-1_000_000, 1_000_000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("150.00", "1e3", "-0", "2.0", "1E+2", "0.0", "250e-1", "79228162514264337593543950335")));

    /// <summary>The pieces of a JSON string: plain, unicode as is, and escapes (a lone surrogate's, which GetString refuses, only in <see cref="AnyText"/>).</summary>
    private static readonly string[] TextParts =
        ["a", "Z", " ", "web", "é", "𝄞", "中", "\u2028", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u00e9", "\\u0041", "\\ud83d\\ude00", "\\u0000"];

    private static readonly Gen<string> Text = Texts(TextParts);

    private static readonly Gen<string> AnyText = Texts([.. TextParts, "\\ud800", "\\udc00x"]);

    private static Gen<string> Texts(string[] parts) => Gen.OneOf(parts).Array[0, 6].Select(chosen => $"\"{string.Concat(chosen)}\"");

    private static readonly Gen<string> NonEmptyText = Text.Where(text => text.Length > 2);

    /// <summary>Times: the common UTC shape, with fractions and invalid dates in it, and the other shapes the full path reads or refuses.</summary>
    private static readonly Gen<string> Time = Gen.Frequency(
        (3, Gen.Select(Gen.Int[1, 9999], Gen.Int[0, 13], Gen.Int[0, 32], Gen.Int[0, 24], Gen.Int[0, 60], Gen.Int[0, 60], Gen.Int[0, 8], (y, mo, d, h, mi, s, f) =>
            $"\"{y:D4}-{mo:D2}-{d:D2}T{h:D2}:{mi:D2}:{s:D2}{(f == 0 ? "" : "." + new string('7', f))}Z\"")),
        (3, Gen.Select(Gen.Int[1, 12], Gen.Int[1, 28], Gen.Int[0, 23], (mo, d, h) => $"\"2026-{mo:D2}-{d:D2}T{h:D2}:00:00Z\"")),
        (1, Gen.OneOf("\"2026-12-01T16:00:00+01:00\"", "\"2026-12-01T15:00:00\"", "\"2026-12-01\"", "\"2026-12-01T15:00Z\"",
            "\"2026-12-01 15:00:00Z\"", "\"2026-12-01T15:00:00z\"", "\"2026-12-01T15:00:00\\u005a\"", "\"0001-01-01T00:00:00Z\"",
            "\"9999-12-31T23:59:59.9999999Z\"", "\"\"", "\"2026-12-01T15:00:00.Z\"", "\"+2026-12-01T15:00:00Z\"")));

    private static readonly Gen<string> UtcTime = Gen.Select(Gen.Int[1, 12], Gen.Int[1, 28], Gen.Int[0, 23], Gen.Int[0, 7],
        (mo, d, h, f) => $"\"2026-{mo:D2}-{d:D2}T{h:D2}:30:15{(f == 0 ? "" : "." + new string('5', f))}Z\"");

    private static readonly Gen<string> Duration = Gen.Frequency(
        (2, Number),
        (1, Gen.OneOf("\"30m\"", "\"1h30m\"", "\"2d\"", "\"0s\"", "\"-5m\"", "\"abc\"", "\"1e3\"", "\"\"", "\"3w\"")));

    private static readonly Gen<string> ValidTime = Gen.Frequency((4, UtcTime),
        (1, Gen.OneOf("\"2026-12-01T16:00:00+01:00\"", "\"2026-12-01T15:00:00\"", "\"2026-12-01\"", "\"0001-01-01T00:00:00Z\"", "\"2026-12-01T15:00:00\\u005a\"")));

    private static readonly Gen<string> ValidDuration = Gen.Frequency((2, Gen.Int[0, 10_000_000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("\"30m\"", "\"1h30m\"", "\"2d\"", "\"0s\"", "1.5", "0.0000001", "86400.25")));

    private static readonly Gen<string> Bool = Gen.OneOf("true", "false");

    /// <summary>Any JSON value, nested a little: what an unknown key holds, or a wrong value.</summary>
    private static readonly Gen<string> Junk = Junks(3);

    private static Gen<string> Junks(int depth)
    {
        var scalar = Gen.OneOf(Number, AnyText, Bool, Gen.Const("null"));
        if (depth == 0)
        {
            return scalar;
        }
        var inner = Junks(depth - 1);
        return Gen.Frequency(
            (4, scalar),
            (1, inner.Array[0, 3].Select(items => $"[{string.Join(",", items)}]")),
            (1, Gen.Select(Gen.OneOf("x", "text", "type", "a b"), inner, (key, value) => $"\"{key}\":{value}").Array[0, 3]
                .Select(members => $"{{{string.Join(",", members)}}}")));
    }

    private static Gen<string> List(Gen<string> element, Kind kind) =>
        (kind == Kind.Wrong ? Gen.Frequency((6, element), (1, Gen.Const("null")), (1, Junk)) : Gen.Frequency((6, element), (1, Gen.Const("null"))))
        .Array[0, 4].Select(items => $"[{string.Join(",", items)}]");

    /// <summary>
    /// One field: its value, or absent or null when optional; in doubtful lines also repeated or escaped; in wrong ones
    /// also absent, null or junk when required, and repeated with junk.
    /// </summary>
    private static Gen<string[]> Field(string name, Gen<string> value, bool optional, Kind kind)
    {
        var key = $"\"{name}\":";
        var choices = new List<(int, IGen<string[]>)> { (kind == Kind.Doubtful ? 40 : 8, value.Select(v => new[] { key + v })) };
        if (optional)
        {
            choices.Add((1, Gen.Const(Array.Empty<string>())));
            choices.Add((1, Gen.Const(new[] { key + "null" })));
        }
        if (kind != Kind.Plain)
        {
            // Repeated: which value counts is JsonElement.TryGetProperty's choice.
            choices.Add((1, Gen.Select(value, value, (first, second) => new[] { key + first, key + second })));
            // The key written with an escape: the same key to JSON, a doubt to the fast path.
            choices.Add((1, value.Select(v => new[] { $"\"{name[0]}\\u{(int)name[1]:x4}{name[2..]}\":{v}" })));
        }
        if (kind == Kind.Wrong)
        {
            choices.Add((1, Gen.Const(Array.Empty<string>())));
            choices.Add((1, Gen.Const(new[] { key + "null" })));
            choices.Add((1, Junk.Select(v => new[] { key + v })));
            choices.Add((1, Gen.Select(value, Junk, (first, second) => new[] { key + first, key + second })));
        }
        return Gen.Frequency([.. choices]);
    }

    private static Gen<string> Properties(Kind kind)
    {
        // Plain lines are mostly valid (so that most are records) with an edge case now and then; wrong ones get junk too.
        Gen<string> Of(Gen<string> valid, Gen<string> edge) =>
            kind == Kind.Wrong ? Gen.Frequency((8, valid), (2, edge), (1, Junk)) : Gen.Frequency((40, valid), (1, edge));
        Gen<string> ListOf(Gen<string> valid, Gen<string> edge) => Of(List(Of(valid, edge), kind), Junk);
        var fields = new[]
        {
            Field("text", Of(Text, AnyText), false, kind), Field("count", Of(Whole, Number), false, kind),
            Field("amount", Of(Amount, Number), false, kind), Field("price", Of(Amount, Number), false, kind),
            Field("flag", Of(Bool, Junk), false, kind), Field("at", Of(ValidTime, Time), false, kind),
            Field("wait", Of(ValidDuration, Duration), false, kind), Field("actor", Of(Text, AnyText), false, kind),
            Field("maybe_text", Of(Text, AnyText), true, kind), Field("maybe_count", Of(Whole, Number), true, kind),
            Field("maybe_at", Of(ValidTime, Time), true, kind), Field("maybe_wait", Of(ValidDuration, Duration), true, kind),
            Field("texts", ListOf(Text, AnyText), false, kind), Field("counts", ListOf(Whole, Number), true, kind),
            Field("prices", ListOf(Amount, Number), true, kind), Field("flags", ListOf(Bool, Junk), true, kind),
            Field("ats", ListOf(ValidTime, Time), true, kind), Field("waits", ListOf(ValidDuration, Duration), true, kind),
            Gen.Select(Gen.OneOf("extra", "Text", "texts_", "propertie", "é"), Junk, (key, value) => $"\"{key}\":{value}").Array[0, 3],
        };
        return Shuffled(fields).Select(members => $"{{{string.Join(",", members)}}}");
    }

    private static Gen<string> Line(Kind kind, bool inWritersOrder = false)
    {
        var wrong = kind == Kind.Wrong;
        Gen<string> Of(Gen<string> valid) => wrong ? Gen.Frequency((12, valid), (1, Junk)) : valid;
        Gen<string[]> Key(string name, Gen<string> value) => Field(name, value, optional: false, kind);
        var members = new[]
        {
            Key("type", wrong ? Gen.Frequency((12, Gen.Const("\"event\"")), (1, Gen.OneOf("\"user\"", "\"follow\"", "\"ev\\u0065nt\"", "\"Event\""))) : Gen.Const("\"event\"")),
            Key("id", Of(NonEmptyText)),
            Key("name", wrong ? Gen.Frequency((12, Gen.Const("\"every\"")), (1, Gen.OneOf("\"few\"", "\"evry\"", "\"\""))) : Gen.Const("\"every\"")),
            Key("user", Of(NonEmptyText)),
            Key("time", wrong ? Time : UtcTime),
            Field("properties", Properties(kind), optional: wrong, kind),
            Gen.Select(Gen.OneOf("attributes", "follower", "source", "x"), Junk, (key, value) => $"\"{key}\":{value}").Array[0, 2],
        };
        var ordered = inWritersOrder ? InOrder(members) : Shuffled(members);
        return ordered.Select(parts => $"{{{string.Join(",", parts)}}}");
    }

    /// <summary>The members of every generator, in the generators' order.</summary>
    private static Gen<string[]> InOrder(Gen<string[]>[] groups) =>
        groups.Aggregate(Gen.Const(Array.Empty<string>()), (all, group) => Gen.Select(all, group, (before, members) => before.Concat(members).ToArray()));

    /// <summary>The members of every generator, in a random order.</summary>
    private static Gen<string[]> Shuffled(Gen<string[]>[] groups) =>
        groups.Aggregate(Gen.Const(Array.Empty<(int, string)>()), (all, group) =>
                Gen.Select(all, group, Gen.Int.Array[8], (before, members, keys) =>
                    before.Concat(members.Select((member, i) => (keys[i % keys.Length], member))).ToArray()))
            .Select(all => all.OrderBy(entry => entry.Item1).Select(entry => entry.Item2).ToArray());
}
