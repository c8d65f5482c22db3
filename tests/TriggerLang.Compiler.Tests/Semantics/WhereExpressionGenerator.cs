using CsCheck;

namespace TriggerLang.Compiler.Tests.Semantics;

/// <summary>
/// Random where-expressions over <see cref="Schema"/>: well typed ones (every
/// operator and function, optional and required values, literals and fields),
/// and ill typed ones that hold exactly one mistake somewhere inside an
/// otherwise well-typed expression.
/// </summary>
internal sealed class WhereExpressionGenerator
{
    public const string Schema = """
        event order {
          total: money, items: int, ratio: decimal, discount: money?, qty: int?
          note: string, coupon: string?, gift: bool, express: bool?
          placed_at: timestamp, shipped_at: timestamp?, wait: duration, grace: duration?
          buyer: user, referrer: user?, tags: list<string>, maybe_tags: list<string>?, counts: list<int>
        }
        user { tier: string?, vip: bool?, score: int?, balance: decimal?, signed_up: timestamp?, rank: int }
        """;

    private static readonly Dictionary<Kind, string[]> Fields = new()
    {
        [Kind.Int] = ["items", "qty", "event.items", "user.score", "user.rank"],
        [Kind.Decimal] = ["total", "ratio", "discount", "event.total", "user.balance"],
        [Kind.String] = ["note", "coupon", "event.note", "user.tier", "user.id", "user.email"],
        [Kind.Bool] = ["gift", "express", "user.vip"],
        [Kind.Timestamp] = ["placed_at", "shipped_at", "user.signed_up"],
        [Kind.Duration] = ["wait", "grace"],
        [Kind.User] = ["buyer", "referrer", "user"],
        [Kind.StringList] = ["tags", "maybe_tags"],
        [Kind.NumberList] = ["counts"],
    };

    private static readonly Kind[] Numbers = [Kind.Int, Kind.Decimal];
    private static readonly Kind[] Ordered = [Kind.Int, Kind.Decimal, Kind.String, Kind.Timestamp, Kind.Duration];

    /// <summary>A way to build an expression of some kind from argument expressions of the given kinds.</summary>
    private sealed record Production(Kind Result, Kind[] Arguments, Func<string[], string> Render);

    private readonly List<Production> _productions = [];
    // Generators are built lazily while CsCheck samples on several threads.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Kind, int), Gen<GeneratedExpression>> _wellTyped = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, Gen<GeneratedExpression>> _illTyped = new();

    public WhereExpressionGenerator()
    {
        static string P(string text) => $"({text})";
        void Add(Kind result, Kind[] arguments, Func<string[], string> render) => _productions.Add(new(result, arguments, render));

        foreach (var (op, result) in new[] { ("+", Kind.Int), ("-", Kind.Int), ("*", Kind.Int), ("%", Kind.Int) })
        {
            Add(result, [Kind.Int, Kind.Int], a => $"{P(a[0])} {op} {P(a[1])}");
        }
        foreach (var op in new[] { "+", "-", "*", "/", "%" })
        {
            Add(Kind.Decimal, [Kind.Decimal, Kind.Int], a => $"{P(a[0])} {op} {P(a[1])}");
            Add(Kind.Decimal, [Kind.Int, Kind.Decimal], a => $"{P(a[0])} {op} {P(a[1])}");
        }
        Add(Kind.Decimal, [Kind.Int, Kind.Int], a => $"{P(a[0])} / {P(a[1])}"); // int / int is exact decimal division
        foreach (var number in Numbers)
        {
            Add(number, [number], a => $"-{P(a[0])}");
            Add(number, [number], a => $"abs({a[0]})");
            Add(number, [number], a => $"round({a[0]})");
            Add(number, [number, Kind.Int], a => $"round({a[0]}, {a[1]})");
            Add(number, [number, number], a => $"min({a[0]}, {a[1]})");
            Add(number, [number, number], a => $"max({a[0]}, {a[1]})");
            Add(number, [number, number], a => $"coalesce({a[0]}, {a[1]})");
        }
        Add(Kind.Int, [Kind.String], a => $"len({a[0]})");
        Add(Kind.Int, [Kind.StringList], a => $"len({a[0]})");
        Add(Kind.Int, [Kind.NumberList], a => $"len({a[0]})");
        Add(Kind.Int, [Kind.Timestamp], a => $"days_since({a[0]})");

        Add(Kind.String, [Kind.String], a => $"lower({a[0]})");
        Add(Kind.String, [Kind.String], a => $"upper({a[0]})");
        Add(Kind.String, [Kind.String, Kind.String], a => $"coalesce({a[0]}, {a[1]})");

        Add(Kind.Timestamp, [Kind.Timestamp, Kind.Duration], a => $"{P(a[0])} + {P(a[1])}");
        Add(Kind.Timestamp, [Kind.Timestamp, Kind.Duration], a => $"{P(a[0])} - {P(a[1])}");
        Add(Kind.Timestamp, [Kind.Duration, Kind.Timestamp], a => $"{P(a[0])} + {P(a[1])}");
        Add(Kind.Duration, [Kind.Timestamp, Kind.Timestamp], a => $"{P(a[0])} - {P(a[1])}");
        Add(Kind.Duration, [Kind.Duration, Kind.Duration], a => $"{P(a[0])} + {P(a[1])}");
        Add(Kind.Duration, [Kind.Duration], a => $"-{P(a[0])}");
        Add(Kind.Duration, [Kind.Duration], a => $"abs({a[0]})");
        foreach (var time in new[] { Kind.Timestamp, Kind.Duration })
        {
            Add(time, [time, time], a => $"min({a[0]}, {a[1]})");
            Add(time, [time, time], a => $"max({a[0]}, {a[1]})");
            Add(time, [time, time], a => $"coalesce({a[0]}, {a[1]})");
        }
        Add(Kind.User, [Kind.User, Kind.User], a => $"coalesce({a[0]}, {a[1]})");

        Add(Kind.Bool, [Kind.Bool, Kind.Bool], a => $"{P(a[0])} and {P(a[1])}");
        Add(Kind.Bool, [Kind.Bool, Kind.Bool], a => $"{P(a[0])} or {P(a[1])}");
        Add(Kind.Bool, [Kind.Bool], a => $"not {P(a[0])}");
        foreach (var op in new[] { "==", "!=", "<", "<=", ">", ">=" })
        {
            foreach (var kind in Ordered)
            {
                Add(Kind.Bool, [kind, kind], a => $"{P(a[0])} {op} {P(a[1])}");
            }
            Add(Kind.Bool, [Kind.Int, Kind.Decimal], a => $"{P(a[0])} {op} {P(a[1])}");
        }
        foreach (var op in new[] { "==", "!=" })
        {
            Add(Kind.Bool, [Kind.Bool, Kind.Bool], a => $"{P(a[0])} {op} {P(a[1])}");
            Add(Kind.Bool, [Kind.User, Kind.String], a => $"{P(a[0])} {op} {P(a[1])}");
            Add(Kind.Bool, [Kind.User, Kind.User], a => $"{P(a[0])} {op} {P(a[1])}");
            Add(Kind.Bool, [Kind.StringList, Kind.StringList], a => $"{P(a[0])} {op} {P(a[1])}");
            foreach (var kind in Enum.GetValues<Kind>())
            {
                Add(Kind.Bool, [kind], a => $"{P(a[0])} {op} null");
            }
        }
        Add(Kind.Bool, [Kind.String, Kind.String], a => $"{P(a[0])} in {P(a[1])}");
        Add(Kind.Bool, [Kind.String, Kind.StringList], a => $"{P(a[0])} in {P(a[1])}");
        Add(Kind.Bool, [Kind.User, Kind.StringList], a => $"{P(a[0])} in {P(a[1])}");
        Add(Kind.Bool, [Kind.Int, Kind.NumberList], a => $"{P(a[0])} in {P(a[1])}");
        Add(Kind.Bool, [Kind.Decimal, Kind.NumberList], a => $"{P(a[0])} in {P(a[1])}");
        Add(Kind.Bool, [Kind.String, Kind.String], a => $"contains({a[0]}, {a[1]})");
        Add(Kind.Bool, [Kind.StringList, Kind.String], a => $"contains({a[0]}, {a[1]})");
        Add(Kind.Bool, [Kind.NumberList, Kind.Decimal], a => $"contains({a[0]}, {a[1]})");
        Add(Kind.Bool, [Kind.String, Kind.String], a => $"starts_with({a[0]}, {a[1]})");
        Add(Kind.Bool, [Kind.String, Kind.String], a => $"ends_with({a[0]}, {a[1]})");
        foreach (var kind in Enum.GetValues<Kind>())
        {
            Add(Kind.Bool, [kind], a => $"exists({a[0]})");
        }
    }

    /// <summary>A well-typed boolean where-condition.</summary>
    public Gen<GeneratedExpression> Condition(int depth) => WellTyped(Kind.Bool, depth);

    /// <summary>A where-condition with exactly one mistake: inside a well-typed expression, or a whole condition that is not boolean.</summary>
    public Gen<GeneratedExpression> IllTypedCondition(int depth) => Gen.Frequency<GeneratedExpression>(
        (6, IllTyped(depth)),
        (1, Gen.OneOf<GeneratedExpression>(Enum.GetValues<Kind>().Where(k => k != Kind.Bool).Select(k => WellTyped(k, depth - 1)).ToArray())
            .Select(e => e with { ErrorStart = 0, ErrorLength = e.Text.Length, ErrorCode = "TRG0407" })));

    public Gen<GeneratedExpression> WellTyped(Kind kind, int depth)
    {
        if (_wellTyped.TryGetValue((kind, depth), out var cached))
        {
            return cached;
        }
        var leaf = Leaf(kind);
        var compound = _productions.Where(p => p.Result == kind).ToArray();
        var gen = depth == 0 || compound.Length == 0
            ? leaf
            : Gen.Frequency<GeneratedExpression>(
                (2, leaf),
                (3, Gen.Int[0, compound.Length - 1].SelectMany(i => Build(compound[i], depth - 1, errorAt: -1))));
        _wellTyped[(kind, depth)] = gen;
        return gen;
    }

    /// <summary>Any kind of expression with one mistake: a mistake on its own, or a production with the mistake in one argument.</summary>
    private Gen<GeneratedExpression> IllTyped(int depth)
    {
        if (_illTyped.TryGetValue(depth, out var cached))
        {
            return cached;
        }
        var mistake = Mistake(Math.Max(0, depth - 1));
        var gen = depth == 0
            ? mistake
            : Gen.Frequency<GeneratedExpression>(
                (1, mistake),
                (3, Gen.Int[0, _productions.Count - 1].SelectMany(i => Gen.Int[0, _productions[i].Arguments.Length - 1]
                    .SelectMany(at => Build(_productions[i], depth - 1, at)))));
        _illTyped[depth] = gen;
        return gen;
    }

    private Gen<GeneratedExpression> Build(Production production, int depth, int errorAt)
    {
        var arguments = production.Arguments
            .Select((kind, i) => i == errorAt ? IllTyped(depth) : WellTyped(kind, depth))
            .ToArray();
        return Sequence(arguments).Select(args =>
        {
            var text = production.Render([.. args.Select(a => a.Text)]);
            if (errorAt < 0)
            {
                return new GeneratedExpression(text, production.Result);
            }
            // Find where the faulty argument landed: render once more with a marker in its place.
            const string Marker = "\u0001";
            var marked = production.Render([.. args.Select((a, i) => i == errorAt ? Marker : a.Text)]);
            var offset = marked.IndexOf(Marker, StringComparison.Ordinal);
            var faulty = args[errorAt];
            return new GeneratedExpression(text, production.Result, offset + faulty.ErrorStart, faulty.ErrorLength, faulty.ErrorCode);
        });
    }

    /// <summary>One mistake whose own parts are well typed, with the code it must be reported as.</summary>
    private Gen<GeneratedExpression> Mistake(int depth)
    {
        Gen<GeneratedExpression> Of(string code, Func<string[], string> render, params Kind[] kinds) =>
            Sequence([.. kinds.Select(k => WellTyped(k, depth))]).Select(args =>
            {
                var text = render([.. args.Select(a => a.Text)]);
                return new GeneratedExpression(text, Kind.Bool, 0, text.Length, code);
            });
        static string P(string text) => $"({text})";
        const string Operator = "TRG0406";
        const string Argument = "TRG0405";
        return Gen.OneOf<GeneratedExpression>(
            Of(Operator, a => $"{P(a[0])} + {P(a[1])}", Kind.Bool, Kind.Int),
            Of(Operator, a => $"{P(a[0])} * {P(a[1])}", Kind.String, Kind.Decimal),
            Of(Operator, a => $"{P(a[0])} - {P(a[1])}", Kind.Bool, Kind.Bool),
            Of(Operator, a => $"{P(a[0])} + {P(a[1])}", Kind.Timestamp, Kind.Timestamp),
            Of(Operator, a => $"{P(a[0])} * {P(a[1])}", Kind.Duration, Kind.Int),
            Of(Operator, a => $"{P(a[0])} > {P(a[1])}", Kind.String, Kind.Int),
            Of(Operator, a => $"{P(a[0])} <= {P(a[1])}", Kind.Bool, Kind.Bool),
            Of(Operator, a => $"{P(a[0])} == {P(a[1])}", Kind.Decimal, Kind.String),
            Of(Operator, a => $"{P(a[0])} != {P(a[1])}", Kind.Bool, Kind.Int),
            Of(Operator, a => $"{P(a[0])} and {P(a[1])}", Kind.Int, Kind.Bool),
            Of(Operator, a => $"{P(a[0])} or {P(a[1])}", Kind.Bool, Kind.String),
            Of(Operator, a => $"{P(a[0])} in {P(a[1])}", Kind.Int, Kind.Int),
            Of(Operator, a => $"{P(a[0])} in {P(a[1])}", Kind.Decimal, Kind.String),
            Of(Operator, a => $"{P(a[0])} in {P(a[1])}", Kind.String, Kind.NumberList),
            Of(Operator, a => $"not {P(a[0])}", Kind.Int),
            Of(Operator, a => $"-{P(a[0])}", Kind.String),
            Of(Operator, a => $"-{P(a[0])}", Kind.Bool),
            Of("TRG0411", a => $"{P(a[0])} < null", Kind.Decimal),
            Of("TRG0411", a => $"null >= {P(a[0])}", Kind.Timestamp),
            Of(Argument, a => $"lower({a[0]})", Kind.Int),
            Of(Argument, a => $"days_since({a[0]})", Kind.String),
            Of(Argument, a => $"len({a[0]})", Kind.Bool),
            Of(Argument, a => $"round({a[0]}, {a[1]})", Kind.Decimal, Kind.String),
            Of(Argument, a => $"round({a[0]}, {a[1]})", Kind.Int, Kind.Decimal),
            Of(Argument, a => $"starts_with({a[0]}, {a[1]})", Kind.Int, Kind.String),
            Of(Argument, a => $"contains({a[0]}, {a[1]})", Kind.StringList, Kind.Int),
            Of(Argument, a => $"min({a[0]}, {a[1]})", Kind.Decimal, Kind.Timestamp),
            Of(Argument, a => $"coalesce({a[0]}, {a[1]})", Kind.String, Kind.Int),
            Of("TRG0404", _ => "len()"),
            Of("TRG0404", a => $"lower({a[0]}, {a[1]})", Kind.String, Kind.String),
            Of("TRG0404", a => $"round({a[0]}, {a[1]}, {a[1]})", Kind.Decimal, Kind.Int),
            Of("TRG0403", a => $"frobnicate({a[0]})", Kind.Int),
            Of("TRG0410", a => $"len(followers({a[0]}))", Kind.User),
            Of("TRG0409", a => $"[{a[0]}, {a[1]}]", Kind.Int, Kind.String),
            Of("TRG0408", a => $"{P(a[0])}.amount", Kind.Decimal),
            Mark("TRG0402", "nosuch"),
            Mark("TRG0401", "event.nosuch", 6),
            Mark("TRG0401", "user.nosuch", 5),
            Mark("TRG0412", "event"));
    }

    /// <summary>A fixed mistake; <paramref name="from"/> is where in it the diagnostic starts.</summary>
    private static Gen<GeneratedExpression> Mark(string code, string text, int from = 0) =>
        Gen.Const(new GeneratedExpression(text, Kind.Bool, from, text.Length - from, code));

    private static Gen<GeneratedExpression> Leaf(Kind kind)
    {
        var fields = Gen.OneOf<string>(Fields[kind]);
        var literal = kind switch
        {
            Kind.Int => Gen.Int[0, 1000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Kind.Decimal => Gen.Int[0, 100000].Select(i => (i / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)),
            Kind.String => Gen.OneOf<string>("\"\"", "\"gold\"", "\"US\"", "\"say \\\"hi\\\"\"", "\"tab\\there\"", "\"\\u00e9t\\u00e9\"", "\"100\""),
            Kind.Bool => Gen.OneOf<string>("true", "false"),
            Kind.Duration => Gen.OneOf<string>("30m", "1h30m", "2d", "45s", "1w"),
            Kind.StringList => Gen.OneOf<string>("[\"US\", \"CA\"]", "[\"gold\"]", "[\"a\", \"b\", \"c\",]"),
            Kind.NumberList => Gen.OneOf<string>("[1, 2, 3]", "[1.5, 2]", "[0]"),
            _ => null,
        };
        var text = literal is null ? fields : Gen.Frequency<string>((1, fields), (1, literal));
        return text.Select(t => new GeneratedExpression(t, kind));
    }

    private static Gen<GeneratedExpression[]> Sequence(IReadOnlyList<Gen<GeneratedExpression>> gens) =>
        gens.Count == 0
            ? Gen.Const(Array.Empty<GeneratedExpression>())
            : Gen.Select(gens[0], Sequence([.. gens.Skip(1)]), (first, rest) => (GeneratedExpression[])[first, .. rest]);
}
