using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Tests.Parsing;

/// <summary>
/// Valid files (the golden parse inputs and the project's examples/) broken in
/// random ways: tokens deleted, inserted (keywords, punctuation, literals, random
/// characters), swapped and duplicated, and files cut short. The parser must
/// never throw, never hang, and keep every span inside the file.
/// </summary>
public partial class MutationFuzzTests
{
    private static readonly string[] Insertions =
    [
        "rule", "on", "event", "user", "settings", "limits", "test", "where", "to", "delay", "until", "unless", "within", "window",
        "cap", "active", "reeligible", "after", "once", "category", "priority", "digest", "goal", "send", "else", "drop", "as",
        "and", "or", "not", "in", "true", "false", "null", "template", "expect", "at", "for", "follows", "via", "with", "no", "max",
        "local", "utc", "{", "}", "(", ")", "[", "]", ":", ",", ".", "..", "?", "/", "*", "%", "+", "-", "==", "!=", "<", "<=", ">",
        ">=", "<", ">", "\"", "\"text\"", "\"a\\", "\\u12", "/*", "*/", "//", "42", "99.5", "30m", "1h30m", "30min", "09:00", "25:00",
        "2026-12-01", "2026-12-01T10:00Z", "2026-13-45", "x", "cart_abandoned", "followers(actor)", "@", "#", "é", "\u2709", "\n", " ",
    ];

    private static readonly Lazy<string[]> Sources = new(LoadSources);

    [Fact]
    public void Mutated_valid_files_never_break_the_parser()
    {
        Mutants.Sample(
            text => ParseWithin(text, TimeSpan.FromSeconds(20)),
            iter: 4000,
            print: text => $"\n──── input ({text.Length} chars) ────\n{text}\n────");
    }

    [Fact]
    public void The_fuzzer_has_valid_files_to_start_from()
    {
        Assert.True(Sources.Value.Length >= 20, $"only {Sources.Value.Length} source files found");
    }

    /// <summary>Random edits of a file: (kind, two positions, a character), applied by <see cref="Mutate"/>.</summary>
    internal static Gen<(int Kind, int A, int B, char C)[]> Edits =>
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Char).Array[1, 6];

    private static Gen<string> Mutants =>
        Gen.Int[0, int.MaxValue].Select(Edits,
            (source, edits) => Mutate(Sources.Value[source % Sources.Value.Length], edits));

    internal static string Mutate(string source, (int Kind, int A, int B, char C)[] edits)
    {
        var tokens = Tokenize(source);
        foreach (var (kind, a, b, c) in edits)
        {
            var count = tokens.Count;
            var i = count == 0 ? 0 : a % count;
            var j = count == 0 ? 0 : b % count;
            switch (kind)
            {
                case 0 when count > 0:
                    tokens.RemoveAt(i);
                    break;
                case 1:
                    tokens.Insert(count == 0 ? 0 : a % (count + 1), " " + Insertions[b % Insertions.Length] + " ");
                    break;
                case 2 when count > 0:
                    tokens.Insert(a % (count + 1), c.ToString());
                    break;
                case 3 when count > 1:
                    (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
                    break;
                case 4 when count > 0:
                    tokens.Insert(i, tokens[j]);
                    break;
                case 5 when count > 0:
                    tokens.RemoveRange(i, count - i); // half-typed: the file stops here
                    break;
            }
        }
        return string.Concat(tokens);
    }

    /// <summary>Source text cut into tokens (roughly as the lexer would) with the whitespace kept as tokens of its own.</summary>
    private static List<string> Tokenize(string text) => [.. TokenPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex("""
        "(?:\\.|[^"\\\n])*"?|//[^\n]*|/\*[\s\S]*?\*/|[0-9][0-9A-Za-z_:.+\-]*|[A-Za-z_][A-Za-z0-9_]*|\s+|==|!=|<=|>=|\.\.|.
        """)]
    private static partial Regex TokenPattern();

    private static void ParseWithin(string text, TimeSpan limit)
    {
        var parse = Task.Run(() => ParseInvariants.ParseAndCheck(text));
        if (!parse.Wait(limit))
        {
            Assert.Fail($"parsing took more than {limit.TotalSeconds} s (a loop in error recovery?)");
        }
        parse.GetAwaiter().GetResult();
        _ = SyntaxDumper.Dump(parse.Result.Root, withSpans: true);
    }

    private static string[] LoadSources()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Baseline.OutputTestData, "Parsing"), "*.trig").ToList();
        var examples = Path.Combine(Baseline.RepositoryRoot, "examples");
        if (Directory.Exists(examples))
        {
            files.AddRange(Directory.EnumerateFiles(examples, "*.trig", SearchOption.AllDirectories));
        }
        return [.. files.Order(StringComparer.Ordinal).Select(File.ReadAllText).Where(text => text.Length > 0)];
    }
}
