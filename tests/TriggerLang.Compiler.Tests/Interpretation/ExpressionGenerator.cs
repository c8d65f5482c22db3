using CsCheck;
using TriggerLang.Compiler.Tests.Semantics;

namespace TriggerLang.Compiler.Tests.Interpretation;

/// <summary>
/// Random well-typed expressions over <see cref="ProbeSchema"/> for the
/// differential tests: every operator and function, required and optional
/// fields of the trigger (bare or <c>event.x</c>) and the user, and literals
/// chosen for the edges of §11 (zero, the decimal range, 28 places, empty and
/// non-ASCII text, lists with absent items, the literal null).
/// </summary>
internal sealed class ExpressionGenerator
{
    private static readonly Dictionary<Kind, string[]> Fields = new()
    {
        [Kind.Int] = ["i", "oi", "event.i", "event.oi", "user.score"],
        [Kind.Decimal] = ["d", "m", "od", "om", "event.d", "user.balance"],
        [Kind.String] = ["s", "os", "event.os", "user.tier", "user.id", "user.email"],
        [Kind.Bool] = ["b", "ob", "event.ob", "user.vip"],
        [Kind.Timestamp] = ["t", "ot", "event.t", "user.since"],
        [Kind.Duration] = ["du", "odu", "event.du"],
        [Kind.User] = ["u", "ou", "event.u", "user"],
        // Lists coalesce only with lists of the very same element type, so not with every literal.
        [Kind.StringList] = ["ls", "ols", "event.ls", "coalesce(ols, ls)", "coalesce(ols, null)"],
        [Kind.NumberList] = ["li", "oli", "event.oli", "coalesce(oli, event.li)", "coalesce(null, oli)"],
    };

    private static readonly Dictionary<Kind, string[]> Literals = new()
    {
        [Kind.Int] = ["0", "1", "2", "3", "7", "28", "29", "100", "1000000", "-1", "-(7)", "79228162514264337593543950335"],
        [Kind.Decimal] = ["0.0", "0.5", "2.5", "1.005", "0.1", "3.14159265358979323846264338", "0.0000000000000000000000000001",
            "7922816251426433759354395033.5", "-2.5", "100.00"],
        [Kind.String] = ["\"\"", "\"a\"", "\"US\"", "\"gold\"", "\"abc\"", "\"ABC\"", "\"\\u00e9\"", "\"\\u0130\"", "\"stra\\u00dfe\"",
            "\"\\ud83d\\ude00\"", "\"say \\\"hi\\\"\"", "\"u1\""],
        [Kind.Bool] = ["true", "false"],
        [Kind.Duration] = ["0s", "45s", "30m", "1h30m", "1d", "1w", "-(2h)"],
        [Kind.StringList] = ["[\"US\", \"CA\"]", "[\"a\"]", "[\"\", \"abc\", \"u1\"]", "[\"a\", null]"],
        [Kind.NumberList] = ["[1, 2, 3]", "[1.5, -2]", "[0]", "[7, null]"],
    };

    private static readonly Kind[] Numbers = [Kind.Int, Kind.Decimal];
    private static readonly Kind[] Ordered = [Kind.Int, Kind.Decimal, Kind.String, Kind.Timestamp, Kind.Duration];

    private sealed record Production(Kind Result, Kind[] Arguments, Func<string[], string> Render);

    private readonly List<Production> _productions = [];
    // Generators are built lazily while CsCheck may sample on several threads.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Kind, int), Gen<GeneratedExpression>> _cache = new();

    public ExpressionGenerator()
    {
        static string P(string text) => $"({text})";
        void Add(Kind result, Kind[] arguments, Func<string[], string> render) => _productions.Add(new(result, arguments, render));
        void Infix(Kind result, Kind left, string op, Kind right) => Add(result, [left, right], a => $"{P(a[0])} {op} {P(a[1])}");

        foreach (var op in new[] { "+", "-", "*", "%" })
        {
            Infix(Kind.Int, Kind.Int, op, Kind.Int);
        }
        foreach (var op in new[] { "+", "-", "*", "/", "%" })
        {
            Infix(Kind.Decimal, Kind.Decimal, op, Kind.Int);
            Infix(Kind.Decimal, Kind.Int, op, Kind.Decimal);
            Infix(Kind.Decimal, Kind.Decimal, op, Kind.Decimal);
        }
        Infix(Kind.Decimal, Kind.Int, "/", Kind.Int);
        foreach (var number in Numbers)
        {
            Add(number, [number], a => $"-{P(a[0])}");
            Add(number, [number], a => $"abs({a[0]})");
            Add(number, [number], a => $"round({a[0]})");
            Add(number, [number, Kind.Int], a => $"round({a[0]}, {a[1]})");
        }
        foreach (var kind in new[] { Kind.Int, Kind.Decimal, Kind.Timestamp, Kind.Duration })
        {
            Add(kind, [kind, kind], a => $"min({a[0]}, {a[1]})");
            Add(kind, [kind, kind], a => $"max({a[0]}, {a[1]})");
        }
        Add(Kind.Decimal, [Kind.Int, Kind.Decimal], a => $"max({a[0]}, {a[1]})");
        foreach (var kind in Enum.GetValues<Kind>())
        {
            if (kind is not (Kind.StringList or Kind.NumberList))
            {
                Add(kind, [kind, kind], a => $"coalesce({a[0]}, {a[1]})");
                Add(kind, [kind], a => $"coalesce({a[0]}, null)");
                Add(kind, [kind], a => $"coalesce(null, {a[0]})");
            }
            Add(Kind.Bool, [kind], a => $"exists({a[0]})");
            Add(Kind.Bool, [kind], a => $"{P(a[0])} == null");
            Add(Kind.Bool, [kind], a => $"null != {P(a[0])}");
        }
        Add(Kind.Int, [Kind.String], a => $"len({a[0]})");
        Add(Kind.Int, [Kind.StringList], a => $"len({a[0]})");
        Add(Kind.Int, [Kind.NumberList], a => $"len({a[0]})");
        Add(Kind.Int, [Kind.Timestamp], a => $"days_since({a[0]})");
        Add(Kind.String, [Kind.String], a => $"lower({a[0]})");
        Add(Kind.String, [Kind.String], a => $"upper({a[0]})");
        Add(Kind.String, [Kind.User, Kind.String], a => $"coalesce({a[0]}, {a[1]})");

        Infix(Kind.Timestamp, Kind.Timestamp, "+", Kind.Duration);
        Infix(Kind.Timestamp, Kind.Timestamp, "-", Kind.Duration);
        Infix(Kind.Timestamp, Kind.Duration, "+", Kind.Timestamp);
        Infix(Kind.Duration, Kind.Timestamp, "-", Kind.Timestamp);
        Infix(Kind.Duration, Kind.Duration, "+", Kind.Duration);
        Infix(Kind.Duration, Kind.Duration, "-", Kind.Duration);
        Add(Kind.Duration, [Kind.Duration], a => $"-{P(a[0])}");
        Add(Kind.Duration, [Kind.Duration], a => $"abs({a[0]})");

        Infix(Kind.Bool, Kind.Bool, "and", Kind.Bool);
        Infix(Kind.Bool, Kind.Bool, "or", Kind.Bool);
        Add(Kind.Bool, [Kind.Bool], a => $"not {P(a[0])}");
        foreach (var op in new[] { "==", "!=", "<", "<=", ">", ">=" })
        {
            foreach (var kind in Ordered)
            {
                Infix(Kind.Bool, kind, op, kind);
            }
            Infix(Kind.Bool, Kind.Int, op, Kind.Decimal);
        }
        foreach (var op in new[] { "==", "!=" })
        {
            Infix(Kind.Bool, Kind.Bool, op, Kind.Bool);
            Infix(Kind.Bool, Kind.User, op, Kind.String);
            Infix(Kind.Bool, Kind.String, op, Kind.User);
            Infix(Kind.Bool, Kind.User, op, Kind.User);
            Infix(Kind.Bool, Kind.StringList, op, Kind.StringList);
            Infix(Kind.Bool, Kind.NumberList, op, Kind.NumberList);
            // An empty list literal has no element type of its own.
            Add(Kind.Bool, [Kind.StringList], a => $"{P(a[0])} {op} []");
            Add(Kind.Bool, [Kind.NumberList], a => $"[] {op} {P(a[0])}");
        }
        Infix(Kind.Bool, Kind.String, "in", Kind.String);
        Infix(Kind.Bool, Kind.User, "in", Kind.String);
        Infix(Kind.Bool, Kind.String, "in", Kind.StringList);
        Infix(Kind.Bool, Kind.User, "in", Kind.StringList);
        Infix(Kind.Bool, Kind.Int, "in", Kind.NumberList);
        Infix(Kind.Bool, Kind.Decimal, "in", Kind.NumberList);
        Add(Kind.Bool, [Kind.Int], a => $"{P(a[0])} in []");
        Add(Kind.Bool, [Kind.NumberList], a => $"null in {P(a[0])}");
        Add(Kind.Bool, [Kind.Duration], a => $"{P(a[0])} in [30m, 1d]");
        Add(Kind.Bool, [Kind.Bool], a => $"{P(a[0])} in [true]");
        Add(Kind.Bool, [Kind.String, Kind.String], a => $"contains({a[0]}, {a[1]})");
        Add(Kind.Bool, [Kind.StringList, Kind.String], a => $"contains({a[0]}, {a[1]})");
        Add(Kind.Bool, [Kind.StringList, Kind.User], a => $"contains({a[0]}, {a[1]})");
        Add(Kind.Bool, [Kind.NumberList, Kind.Int], a => $"contains({a[0]}, {a[1]})");
        Add(Kind.Bool, [Kind.NumberList, Kind.Decimal], a => $"contains({a[0]}, {a[1]})");
        Add(Kind.Bool, [Kind.NumberList], a => $"contains({a[0]}, null)");
        Add(Kind.Bool, [Kind.String, Kind.String], a => $"starts_with({a[0]}, {a[1]})");
        Add(Kind.Bool, [Kind.String, Kind.String], a => $"ends_with({a[0]}, {a[1]})");
    }

    /// <summary>A well-typed boolean condition.</summary>
    public Gen<GeneratedExpression> Condition(int depth) => Of(Kind.Bool, depth);

    /// <summary>A well-typed expression of <paramref name="kind"/> at most <paramref name="depth"/> operators deep.</summary>
    public Gen<GeneratedExpression> Of(Kind kind, int depth)
    {
        if (_cache.TryGetValue((kind, depth), out var cached))
        {
            return cached;
        }
        var leaf = Leaf(kind);
        var compound = _productions.Where(p => p.Result == kind).ToArray();
        var gen = depth == 0 || compound.Length == 0
            ? leaf
            : Gen.Frequency<GeneratedExpression>(
                (2, leaf),
                (3, Gen.Int[0, compound.Length - 1].SelectMany(i => Build(compound[i], depth - 1))));
        _cache[(kind, depth)] = gen;
        return gen;
    }

    private Gen<GeneratedExpression> Build(Production production, int depth)
    {
        var arguments = production.Arguments.Select(kind => Of(kind, depth)).ToArray();
        return Sequence(arguments).Select(args => new GeneratedExpression(production.Render([.. args.Select(a => a.Text)]), production.Result));
    }

    private static Gen<GeneratedExpression> Leaf(Kind kind)
    {
        var fields = Gen.OneOf<string>(Fields[kind]);
        var text = Literals.TryGetValue(kind, out var literals) ? Gen.Frequency<string>((3, fields), (2, Gen.OneOf<string>(literals))) : fields;
        return text.Select(t => new GeneratedExpression(t, kind));
    }

    private static Gen<GeneratedExpression[]> Sequence(IReadOnlyList<Gen<GeneratedExpression>> gens) =>
        gens.Count == 0
            ? Gen.Const(Array.Empty<GeneratedExpression>())
            : Gen.Select(gens[0], Sequence([.. gens.Skip(1)]), (first, rest) => (GeneratedExpression[])[first, .. rest]);
}
