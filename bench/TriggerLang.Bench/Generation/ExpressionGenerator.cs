namespace TriggerLang.Bench.Generation;

/// <summary>
/// Well-typed boolean conditions over an event's fields and the user profile:
/// comparisons, <c>and</c>/<c>or</c>/<c>not</c>, <c>in</c> on strings and
/// lists, built-in functions and member access (LANGUAGE.md §4).
/// </summary>
internal sealed class ExpressionGenerator(Random random)
{
    private static readonly string[] Words = ["wine", "gift", "sale", "vip", "red", "new", "promo", "pro", "eu", "kids"];

    /// <summary>A condition of 1–<paramref name="maxAtoms"/> atoms over <paramref name="source"/>'s fields written as <c>prefix + name</c>.</summary>
    public string Condition(EventModel source, string prefix, int maxAtoms, double userChance, string lineBreak)
    {
        var count = 1 + (int)Math.Floor(Math.Pow(random.NextDouble(), 1.2) * maxAtoms);
        var atoms = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var atom = i > 0 && random.Chance(userChance) ? UserAtom() : Atom(random.Pick(source.Fields), prefix);
            atoms.Add(random.Chance(0.07) ? $"not ({atom})" : atom);
        }
        return Join(atoms, lineBreak);
    }

    /// <summary>Joins atoms with <c>and</c>/<c>or</c>, sometimes grouping an <c>or</c> in parentheses; long ones break lines.</summary>
    public string Join(IReadOnlyList<string> atoms, string lineBreak)
    {
        if (atoms.Count == 1)
        {
            return atoms[0];
        }
        var separator = atoms.Count >= 2 && random.Chance(0.9) ? lineBreak : " ";
        var shape = random.Next(4);
        if (shape == 0 && atoms.Count >= 3)
        {
            return $"{atoms[0]}{separator}and ({string.Join(" or ", atoms.Skip(1))})";
        }
        if (shape == 1)
        {
            return $"({atoms[0]} or {atoms[1]}){string.Concat(atoms.Skip(2).Select(a => $"{separator}and {a}"))}";
        }
        var joined = atoms[0];
        for (var i = 1; i < atoms.Count; i++)
        {
            joined += $"{separator}{(random.Chance(0.8) ? "and" : "or")} {atoms[i]}";
        }
        return joined;
    }

    public string Atom(FieldModel field, string prefix)
    {
        var f = prefix + field.Name;
        var w = random.Pick(Words);
        var n = random.Next(1, 10);
        string[] options = field.Base switch
        {
            "string" =>
            [
                $"{f} == \"{w}\"", $"lower({f}) in [\"{w}\", \"{random.Pick(Words)}\"]", $"starts_with({f}, \"{w}\")",
                $"len({f}) > {n}", $"\"{w}\" in {f}", $"{f} != \"\"", $"ends_with(upper({f}), \"{w.ToUpperInvariant()}\")",
                $"contains({f}, \"-{w}\")",
            ],
            "int" => [$"{f} > {n}", $"{f} >= {n * 10}", $"{f} % 2 == 0", $"{f} in [1, 2, {n + 2}]", $"abs({f} - {n}) < {n + 5}", $"min({f}, 10) >= {n}"],
            "decimal" or "money" =>
            [
                $"{f} > {n * 25}", $"{f} >= {n * 10}.99", $"round({f}, 2) < 1000", $"{f} * 0.9 <= {n * 50}",
                $"max({f}, 10) > {n * 5}", $"{f} / 2 > {n}", $"{f} - 5 > 0",
            ],
            "bool" => [f, $"not {f}", $"{f} == true", $"{f} != false"],
            "timestamp" => [$"days_since({f}) < {n * 7}", $"days_since({f}) >= {n}"],
            "duration" => [$"{f} > {n * 5}m", $"{f} <= {n}h", $"{f} + 15m < 1d", $"abs({f}) < 2h30m"],
            "user" => [$"{f} != user.id"],
            "list<string>" => [$"\"{w}\" in {f}", $"len({f}) > 0", $"contains({f}, \"{w}\")"],
            "list<int>" => [$"{n} in {f}", $"len({f}) >= 2", $"contains({f}, {n})"],
            _ => throw new InvalidOperationException($"no atoms for type {field.Type}"),
        };
        if (field.IsOptional && random.Chance(0.35))
        {
            return random.Pick([$"exists({f})", $"{f} != null", $"{f} == null"]);
        }
        return random.Pick(options);
    }

    public string UserAtom() => random.Pick(
    [
        "user.country in [\"US\", \"CA\", \"GB\"]", "user.tier == \"gold\"", "user.age >= 18", "user.lifetime_value > 500",
        "exists(user.first_name)", "user.vip", "\"wine\" in user.interests", "user.orders_count > 0",
        "days_since(user.signed_up_at) > 30", "user.language != \"fr\"", "lower(coalesce(user.country, \"us\")) == \"us\"",
        "user.orders_count + 1 >= 3", "not exists(user.email)", "user.phone != null", "ends_with(user.id, \"7\")",
    ]);

    /// <summary>A comparison between a field of a candidate event and a field of the trigger, when their types allow one.</summary>
    public string? Correlation(EventModel candidate, string candidatePrefix, EventModel trigger, string triggerPrefix)
    {
        var pairs = (from c in candidate.Fields
                     from t in trigger.Fields
                     where c.Base == t.Base && c.Base is "string" or "money" or "int"
                     orderby c.Name == t.Name descending
                     select (c, t)).ToList();
        if (pairs.Count == 0)
        {
            return null;
        }
        var (cf, tf) = pairs[0].c.Name == pairs[0].t.Name || random.Chance(0.5) ? pairs[0] : random.Pick(pairs);
        var op = cf.Base == "string" ? "==" : ">=";
        return $"{candidatePrefix}{cf.Name} {op} {triggerPrefix}{tf.Name}";
    }
}
