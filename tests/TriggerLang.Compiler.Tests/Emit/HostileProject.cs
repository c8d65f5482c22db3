using System.Globalization;
using System.Text;

namespace TriggerLang.Compiler.Tests.Emit;

/// <summary>
/// A project written to break out of generated C#: names that are C# keywords
/// or generated names, and strings that would close a literal, a comment or an
/// interpolation, start a preprocessor line, or hold unicode line breaks,
/// control characters and lone surrogates. The same project can be written
/// with benign names and strings (<see cref="Benign"/>), keeping its shape.
/// </summary>
internal sealed class HostileProject
{
    /// <summary>Rule names: C# keywords and contextual keywords, and the names the emitter generates.</summary>
    private static readonly string[] RuleNames =
    [
        "class", "namespace", "return", "static", "__arglist", "__makeref", "__refvalue", "default", "this", "base",
        "new", "typeof", "nameof", "global", "unsafe", "extern", "operator", "implicit", "goto", "stackalloc",
        "fixed", "checked", "volatile", "delegate", "object", "string", "var", "dynamic", "await", "async",
        "RulePack", "ProjectUser", "Event0", "F0", "A0", "C0", "R0", "R1", "R0Where", "R1Unless0", "R2Goal", "R3Audience",
        "Ev", "Ops", "CompiledRule", "CompiledRulePack", "None",
        "System", "TriggerLang", "Where", "NewEvent", "t", "u", "c", "now", "p", "v",
    ];

    private HostileProject(IReadOnlyList<string> payloads, Func<string, string> name, Func<int, string> text)
    {
        Payloads = payloads;
        Name = name;
        Text = text;
    }

    /// <summary>The strings of the where-clauses, in rule order: rule <c>i</c> is <c>where return == Payloads[i]</c>.</summary>
    public IReadOnlyList<string> Payloads { get; }

    /// <summary>Maps a hostile name to the name written in this project.</summary>
    public Func<string, string> Name { get; }

    /// <summary>Other rule text (titles, messages, list items): hostile or benign by index.</summary>
    public Func<int, string> Text { get; }

    public static HostileProject Hostile(string victim, string created) =>
        new(HostilePayloads.All(victim, created), n => n, i => HostilePayloads.Extra[i % HostilePayloads.Extra.Length]);

    /// <summary>The same shape with plain names and strings: names keep their ordinal order, so the layout is the same.</summary>
    public static HostileProject Benign(int payloads)
    {
        // Built-in events (message_sent, …) sort among the project's: a name keeps its side of them.
        var all = RuleNames.Concat(SchemaNames).Distinct().Order(StringComparer.Ordinal).ToList();
        return new([.. Enumerable.Range(0, payloads).Select(i => $"s{i}")],
            n => (string.CompareOrdinal(n, "message") < 0 ? "a" : "z") + all.IndexOf(n).ToString("D3", CultureInfo.InvariantCulture),
            i => $"x{i}");
    }

    private static readonly string[] SchemaNames =
        ["class", "return", "static", "__arglist", "default", "F0", "t", "namespace", "this", "Event0", "p", "base", "A0", "name", "v", "operator"];

    /// <summary>Event, field and attribute names as written: the only names the generated code may hold, as string literals.</summary>
    public IEnumerable<string> DeclaredNames => SchemaNames.Select(Name);

    /// <summary>Every string in the rules' expressions: where-clause payloads and the items of lists, calls, unless and goal (titles and messages are not).</summary>
    public IEnumerable<string> ExpressionStrings => Payloads.Concat(Enumerable.Range(0, 9).Select(Text));

    public IEnumerable<(string Path, string Text)> Files()
    {
        yield return ("schema.trig", Schema());
        yield return ("rules.trig", Rules());
    }

    private string Schema() => $$"""
        event {{Name("class")}} {
          {{Name("return")}}: string
          {{Name("static")}}: string?
          {{Name("__arglist")}}: list<string>?
          {{Name("default")}}: int?
          {{Name("F0")}}: string?
          {{Name("t")}}: user?
        }
        event {{Name("namespace")}} { {{Name("this")}}: string, {{Name("Event0")}}: string? }
        event {{Name("Event0")}} { {{Name("p")}}: string }
        user {
          {{Name("base")}}: string?
          {{Name("A0")}}: string?
          {{Name("name")}}: string?
          {{Name("v")}}: string?
          {{Name("operator")}}: list<string>?
        }
        """;

    private string Rules()
    {
        var rules = new StringBuilder();
        for (var i = 0; i < Payloads.Count; i++)
        {
            var rule = i < RuleNames.Length ? Name(RuleNames[i]) : $"{Name(RuleNames[i % RuleNames.Length])}_{i}";
            rules.Append($"rule {rule} {Quote(Text(i) + " (title)")} on {Name("class")} where {Name("return")} == {Quote(Payloads[i], raw: i % 2 == 1)}")
                .Append($" send email {Quote(Text(i + 1) + " (message)")}\n");
        }
        // Every other place a string can sit in an expression: lists, calls, unless, goal and audience.
        var list = "[" + string.Join(", ", Enumerable.Range(0, 6).Select(k => Quote(Text(k)))) + "]";
        var e = Name("class");
        rules.Append($"rule list_rule on {e} where {Name("return")} in {list} or {Name("__arglist")} == {list}")
            .Append($" or user.{Name("base")} in {list} or {Quote(Text(2))} in user.{Name("operator")}")
            .Append($" or contains({Name("return")}, {Quote(Text(3))}) or starts_with(lower({Name("static")}), {Quote(Text(4))})")
            .Append($" or coalesce(user.{Name("A0")}, {Quote(Text(5))}) == upper(user.{Name("name")})")
            .Append($" to followers({Name("t")})")
            .Append($" unless {Name("namespace")} where {Name("this")} == {Quote(Text(6))} and event.{Name("F0")} != {Quote(Text(7))}")
            .Append($" goal {Name("Event0")} where {Name("p")} in [{Quote(Text(8))}, user.{Name("v")}] within 1d")
            .Append($" send push {Quote(Text(9) + " (message)")}\n");
        return rules.ToString();
    }

    /// <summary>
    /// A TriggerLang string literal of <paramref name="value"/>. Escaped, every
    /// character outside printable ASCII is <c>\uXXXX</c>; raw, only what the
    /// lexer forbids is escaped and the rest is written as is.
    /// </summary>
    public static string Quote(string value, bool raw = false)
    {
        raw &= HostilePayloads.IsWellFormed(value);
        var quoted = new StringBuilder("\"");
        foreach (var ch in value)
        {
            quoted.Append(ch switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\r' or '\n' => $"\\u{(int)ch:X4}",
                _ when raw || ch is >= ' ' and <= '~' => ch.ToString(),
                _ => $"\\u{(int)ch:X4}",
            });
        }
        return quoted.Append('"').ToString();
    }
}
