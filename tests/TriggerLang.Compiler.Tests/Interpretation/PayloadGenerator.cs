using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;

namespace TriggerLang.Compiler.Tests.Interpretation;

/// <summary>A random <c>probe</c> event's properties and a recipient's attributes, as JSON (LANGUAGE.md §8).</summary>
internal sealed record Payload(string Properties, string UserId, string Attributes)
{
    public override string ToString() => $"properties {Properties}, user {UserId} {Attributes}";
}

/// <summary>
/// Payloads at the edges of §11: optional fields absent (missing or JSON null),
/// zero, negative and huge numbers, decimals with 28 places, empty and
/// non-ASCII text, lists with absent items, timestamps far from now and at
/// the ends of the calendar, and durations big enough to overflow a sum.
/// </summary>
internal static class PayloadGenerator
{
    private static readonly Gen<decimal> Integer = Gen.Frequency<decimal>(
        (3, Gen.OneOf<decimal>(0m, 1m, -1m, 2m, 3m, 7m, -7m, 28m, 29m, 100m, 1_000_000m, 4_294_967_296m, decimal.MaxValue, decimal.MinValue)),
        (2, Gen.Int[-1000, 1000].Select(i => (decimal)i)),
        (1, Gen.Long.Select(l => (decimal)l)));

    private static readonly Gen<decimal> Decimal = Gen.Frequency<decimal>(
        (3, Gen.OneOf<decimal>(0m, 0.0m, 0.5m, -0.5m, 1.5m, 2.5m, -2.5m, 0.1m, 1.005m, 0.005m, 100.00m,
            0.3333333333333333333333333333m, 0.0000000000000000000000000001m, -7.9228162514264337593543950335m,
            12345678901234567890.12345678m, decimal.MaxValue, decimal.MinValue, 7922816251426433759354395033.5m)),
        (2, Gen.Int[-100000, 100000].Select(i => i / 100m)),
        (2, Gen.Decimal),
        (1, Integer));

    // Pieces that strings are made of: whole code points only, so that every string is valid UTF-16 and JSON.
    private static readonly Gen<string> Text = Gen.OneOf<string>("", "a", "abc", "ABC", "US", "CA", "gold", "u1", "é", "É", "İ", "ß", "😀", "\"", "\\", "\t", " ", "100")
        .Array[0, 3].Select(parts => string.Concat(parts));

    private static readonly Gen<DateTimeOffset> Timestamp = Gen.Frequency<DateTimeOffset>(
        (1, Gen.OneOf<DateTimeOffset>(DateTimeOffset.MinValue, DateTimeOffset.MaxValue.AddTicks(-9_999_999), ProbeSchema.Now)),
        (6, Gen.Long[-400L * 86400, 400L * 86400].Select(s => ProbeSchema.Now.AddSeconds(s))),
        (1, Gen.Int[-3, 3].Select(d => ProbeSchema.Now.AddDays(d))));

    /// <summary>Durations in whole seconds, as JSON numbers or strings; up to the largest a duration holds.</summary>
    private static readonly Gen<JsonNode> Duration = Gen.Frequency<JsonNode>(
        (4, Gen.Long[0, 400L * 86400].Select(s => (JsonNode)JsonValue.Create(s))),
        (2, Gen.OneOf<string>("0s", "30m", "1d", "1h30m", "2w").Select(s => (JsonNode)JsonValue.Create(s))),
        (1, Gen.Const<JsonNode>(JsonValue.Create(922337203685L))));

    private static readonly Gen<string> UserId = Gen.OneOf<string>("u1", "u2", "US", "gold", "", "é");

    private static Gen<JsonNode?> Scalar(char type) => type switch
    {
        'i' => Integer.Select(Number),
        'd' => Decimal.Select(Number),
        's' => Text.Select(s => (JsonNode?)JsonValue.Create(s)),
        'b' => Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        't' => Timestamp.Select(t => (JsonNode?)JsonValue.Create(t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))),
        'u' => UserId.Select(s => (JsonNode?)JsonValue.Create(s)),
        'D' => Duration.Select(n => (JsonNode?)n),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>A list of 0 to 4 items, sometimes with an absent one.</summary>
    private static Gen<JsonNode?> List(char element) =>
        Gen.Frequency<JsonNode?>((5, Scalar(element)), (1, Gen.Const((JsonNode?)null))).Array[0, 4]
            .Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]));

    private static Gen<JsonNode?> Value(string type) => type.Length == 2 ? List(type[1]) : Scalar(type[0]);

    /// <summary>An optional value: missing (null here), JSON null, or present.</summary>
    private static Gen<(bool Present, JsonNode? Value)> Optional(string type) => Gen.Frequency<(bool, JsonNode?)>(
        (1, Gen.Const<(bool, JsonNode?)>((false, null))),
        (1, Gen.Const<(bool, JsonNode?)>((true, null))),
        (4, Value(type).Select(v => (true, v))));

    // Field name and type code: i int, d decimal, s string, b bool, t timestamp, D duration, u user, l… a list of.
    private static readonly (string Name, string Type)[] Required =
        [("i", "i"), ("d", "d"), ("m", "d"), ("s", "s"), ("b", "b"), ("t", "t"), ("du", "D"), ("u", "u"), ("li", "li"), ("ls", "ls")];

    private static readonly (string Name, string Type)[] Optionals =
        [("oi", "i"), ("od", "d"), ("om", "d"), ("os", "s"), ("ob", "b"), ("ot", "t"), ("odu", "D"), ("ou", "u"), ("oli", "li"), ("ols", "ls")];

    private static readonly (string Name, string Type)[] Attributes =
        [("tier", "s"), ("score", "i"), ("balance", "d"), ("vip", "b"), ("since", "t"), ("email", "s")];

    public static Gen<Payload> Payload { get; } =
        Gen.Select(Object(Required, Optionals), UserId, Object([], Attributes), (properties, user, attributes) => new Payload(properties, user, attributes));

    private static Gen<string> Object((string Name, string Type)[] required, (string Name, string Type)[] optional)
    {
        var values = required.Select(f => Value(f.Type).Select(v => (f.Name, Present: true, Value: v)))
            .Concat(optional.Select(f => Optional(f.Type).Select(o => (f.Name, o.Present, o.Value))))
            .ToArray();
        var all = values.Select(g => g.Select(x => new[] { x })).Aggregate((a, b) => Gen.Select(a, b, (x, y) => x.Concat(y).ToArray()));
        return all.Select(fields =>
        {
            var json = new JsonObject();
            foreach (var (name, present, value) in fields)
            {
                if (present)
                {
                    json[name] = value?.DeepClone();
                }
            }
            return json.ToJsonString();
        });
    }

    private static JsonNode? Number(decimal value) => JsonValue.Create(value);
}
