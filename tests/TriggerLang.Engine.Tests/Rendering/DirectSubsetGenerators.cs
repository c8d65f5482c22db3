using System.Globalization;
using System.Text.Json;
using CsCheck;
using static TriggerLang.Engine.Tests.Rendering.DirectSubsetProject;

namespace TriggerLang.Engine.Tests.Rendering;

/// <summary>Templates of the direct subset (docs/language.md, Rendering) and the records to render them with.</summary>
internal static class DirectSubsetGenerators
{
    /// <summary>Text between tags: never a <c>{</c>, which could open one; everything else that could trip a writer.</summary>
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.OneOf<string>("Hi ", " ", "\n", "\r\n", "\t", "$", ", ", "}", "}}", "%}", "%", "\"", "'", "é", "日本語", "𝄞", "0", "-"),
        Gen.Char["a-zA-Z0-9 .,!?"].Array[1, 12].Select(chars => new string(chars)));

    private static readonly Gen<string> Quoted = Gen.OneOf<string>("''", "\"\"", "'there'", "\"there\"", "'Ada'", "\"x y\"", "'日本'", "\"a'b\"", "'a\"b'");

    private static readonly Gen<int> SmallInteger = Gen.OneOf(Gen.Int[0, 30], Gen.OneOf<int>(0, 1, 10, 20, 100, 1000000, int.MaxValue));

    private static readonly Gen<string> TextLiteral = Gen.OneOf<string>("\"\"", "\"Ada\"", "'Ada'", "\"x\"", "'0'", "\"false\"", "\"1h30m\"", "\"日本語\"");

    private static readonly Gen<string> CompareOp = Gen.OneOf<string>("==", "!=", "<", "<=", ">", ">=");

    /// <summary>A template of the subset, with <c>for</c> loops nested at most two deep.</summary>
    public static Gen<string> Template { get; } = Block([], 0).Select(parts => string.Concat(parts));

    private static Gen<string[]> Block(string[] loops, int depth) =>
        Gen.Int[0, depth < 2 ? 6 : 3].SelectMany(count => Node(loops, depth).Array[count]).Select(nodes => nodes.SelectMany(n => n).ToArray());

    private static Gen<string[]> Node(string[] loops, int depth)
    {
        var leaves = Gen.OneOf(Text.Select(t => new[] { t }), Output(loops).Select(o => new[] { o }));
        if (depth >= 2)
        {
            return leaves;
        }
        return Gen.Frequency((6, leaves), (2, If(loops, depth)), (1, For(loops, depth)));
    }

    private static Gen<string[]> If(string[] loops, int depth) =>
        Gen.Select(Condition(loops).Array[1, 3], Block(loops, depth + 1).Array[3], Gen.Bool, (conditions, blocks, otherwise) =>
        {
            var parts = new List<string>();
            for (var i = 0; i < conditions.Length; i++)
            {
                parts.Add(i == 0 ? $"{{% if {conditions[i]} %}}" : $"{{% elsif {conditions[i]} %}}");
                parts.AddRange(blocks[i]);
            }
            if (otherwise)
            {
                parts.Add("{% else %}");
                parts.AddRange(blocks[2]);
            }
            parts.Add("{% endif %}");
            return parts.ToArray();
        });

    private static Gen<string[]> For(string[] loops, int depth)
    {
        var variable = loops.Length == 0 ? "e" : "f";
        return Block([.. loops, variable], depth + 1).Select(body => new[] { $"{{% for {variable} in events %}}" }.Concat(body).Append("{% endfor %}").ToArray());
    }

    private static Gen<string> Paths(string[] paths, string[] loopFields, string[] loops) =>
        loops.Length == 0 ? Gen.OneOf<string>(paths) : Gen.OneOf(Gen.OneOf<string>(paths), Gen.Select(Gen.OneOf<string>(loops), Gen.OneOf<string>(loopFields), (v, f) => $"{v}.{f}"));

    private static Gen<string> Output(string[] loops)
    {
        var any = Gen.OneOf(Paths(TextPaths, LoopTextFields, loops), Paths(NumberPaths, LoopNumberFields, loops), Paths(BoolPaths, LoopBoolFields, loops));
        var arithmetic = Gen.Select(Gen.OneOf<string>("plus", "minus"), SmallInteger, (f, n) => $" | {f}: {n}").Array[1, 2].Select(string.Concat);
        var defaulted = Gen.OneOf(Quoted, SmallInteger.Select(n => n.ToString(CultureInfo.InvariantCulture))).Select(v => $" | default: {v}");
        return Gen.OneOf(
            any.Select(p => $"{{{{ {p} }}}}"),
            Gen.Select(any, defaulted.Array[1, 2].Select(string.Concat), (p, d) => $"{{{{ {p}{d} }}}}"),
            Gen.Select(Paths(NumberPaths, LoopNumberFields, loops), arithmetic, Gen.OneOf(Gen.Const(""), defaulted), (p, a, d) => $"{{{{ {p}{a}{d} }}}}"),
            Gen.OneOf<string>("{{user.first_name}}", "{{ event.total}}", "{{count|minus:1}}"));
    }

    private static Gen<string> Condition(string[] loops)
    {
        var any = Gen.OneOf(Paths(TextPaths, LoopTextFields, loops), Paths(NumberPaths, LoopNumberFields, loops), Paths(BoolPaths, LoopBoolFields, loops));
        return Gen.OneOf(
            any,
            Gen.Select(Paths(NumberPaths, LoopNumberFields, loops), CompareOp, SmallInteger, (p, op, n) => $"{p} {op} {n}"),
            Gen.Select(Paths(TextPaths, LoopTextFields, loops), Gen.OneOf<string>("==", "!="), TextLiteral, (p, op, l) => $"{p} {op} {l}"),
            Gen.Select(Paths(BoolPaths, LoopBoolFields, loops), Gen.OneOf<string>("==", "!="), Gen.OneOf<string>("true", "false"), (p, op, l) => $"{p} {op} {l}"));
    }

    // Values: absent optionals, every scale, signs, the extremes (for plus and minus), and text that looks like Liquid.

    private static readonly Gen<string> StringValue = Gen.OneOf(
        Gen.OneOf<string>("", "Ada", "x", "0", "false", "nil", "{{ user.first_name }}", "{% if x %}y{% endif %}", "日本語 ✓", "ß", "a\"b'c", "  spaced  ", "\n"),
        Gen.String[0, 12]);

    private static readonly Gen<decimal> Decimal = Gen.OneOf(
        Gen.Select(Gen.ULong[0, 1_000_000_000_000_000], Gen.Bool, Gen.Byte[0, 12], (mantissa, negative, scale) =>
            new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, scale)),
        Gen.Select(Gen.Int[-1000, 1000], Gen.Byte[0, 3], (n, scale) => new decimal(Math.Abs(n), 0, 0, n < 0, scale)),
        Gen.OneOf<decimal>(0m, 0.00m, 1.50m, 150.50m, 3.0m, -2.50m, 0.0000000001m, 79228162514264337593543950335m, -79228162514264337593543950335m, 7922816251426433759354395033.5m));

    private static readonly Gen<string> Integer = Gen.OneOf(Gen.Int[-1000, 1000], Gen.OneOf<int>(0, 1, 10, 20, 21, int.MaxValue, int.MinValue)).Select(n => n.ToString(CultureInfo.InvariantCulture));

    private static readonly Gen<string> Timestamp = Gen.OneOf<string>("\"2026-12-01T16:30:00+01:00\"", "\"2026-12-01T15:30:00.250Z\"", "\"1999-01-01T00:00:00Z\"");

    private static readonly Gen<string> Duration = Gen.OneOf<string>("\"1h30m\"", "\"2d\"", "\"1w\"", "90061.5", "0", "\"45s\"");

    private static Gen<string?> Optional(Gen<string> value) => Gen.Frequency((1, Gen.Const((string?)null)), (3, value.Select(v => (string?)v)));

    private static string Json(string text) => JsonSerializer.Serialize(text);

    private static string Number(decimal number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>An order's properties as JSON; the optional ones absent about a quarter of the time.</summary>
    public static Gen<string> Order { get; } = Gen.Select(
        Gen.Select(StringValue, Optional(StringValue), Decimal, Optional(Decimal.Select(Number)), Integer),
        Gen.Select(Optional(Integer), Optional(Gen.OneOf<string>("true", "false")), Optional(Timestamp), Optional(Duration), Optional(StringValue.Select(Json))),
        (a, b) =>
        {
            var properties = new List<string> { $"\"order_id\":{Json(a.Item1)}", $"\"total\":{Number(a.Item3)}", $"\"items\":{a.Item5}" };
            Add(properties, "note", a.Item2 is null ? null : Json(a.Item2));
            Add(properties, "discount", a.Item4);
            Add(properties, "points", b.Item1);
            Add(properties, "gift", b.Item2);
            Add(properties, "placed", b.Item3);
            Add(properties, "wait", b.Item4);
            Add(properties, "buyer", b.Item5);
            return "{" + string.Join(",", properties) + "}";
        });

    public static Gen<string> UserAttributes { get; } = Gen.Select(
        Optional(StringValue.Select(Json)), Optional(StringValue.Select(Json)), Optional(Gen.OneOf<string>("true", "false")),
        Optional(Decimal.Select(Number)), Optional(Integer),
        (firstName, tier, vip, balance, visits) =>
        {
            var attributes = new List<string>();
            Add(attributes, "first_name", firstName);
            Add(attributes, "tier", tier);
            Add(attributes, "vip", vip);
            Add(attributes, "balance", balance);
            Add(attributes, "visits", visits);
            return "{" + string.Join(",", attributes) + "}";
        });

    private static void Add(List<string> properties, string name, string? json)
    {
        if (json is not null)
        {
            properties.Add($"\"{name}\":{json}");
        }
    }
}
