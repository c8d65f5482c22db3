using CsCheck;
using TriggerLang.Compiler.Formatting;
using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Tests.Formatting;

/// <summary>
/// Random files — rules assembled from clause spellings in random order, event and
/// test blocks — with random whitespace, blank lines and comments between every two
/// parts: formatting must be idempotent, keep the tree (modulo clause order) and
/// keep every comment; and it must never add a blank line the user did not leave.
/// </summary>
public class FormatterPropertyTests
{
    private static readonly string[] SeparatorsWithoutBlankLines =
        [" ", "\n", "\n  ", "\t", " // note\n", "\n// own line\n  ", " /* block */ ", "\n/* two\n   lines */\n", "\r\n\t"];

    private static readonly string[] SeparatorsWithBlankLines =
        ["  \n\n\t ", "\n\n\n\n", "\r\n\r\n", "\n\n// grouped\n", "\n// note\n\n", "\n\n// a\n\n// b\n\n", " // trailing\n\n"];

    private static readonly Gen<string>[] Clauses =
    [
        Gen.OneOf("where total > 100", "where total > 100 and user.country in [\"US\", \"CA\"]", "where (a + b) * 2 >= -c",
            "where not exists(x) or lower(user.tier) == \"gold\"", "where items % 2 != 0 and event.total>=1.50"),
        Gen.OneOf("to followers(actor)", "to user"),
        Gen.OneOf("delay 30m", "delay 1h30m", "delay until 10:00 local", "delay until 08:30", "delay until 07:00 \"Europe/Paris\""),
        Gen.OneOf("digest daily at 09:00 local", "digest weekly on mon at 09:00 local max 10", "digest daily at 18:00 utc max 5"),
        Unless(), Unless(),
        Gen.OneOf("window 09:00-21:00 local", "window 22:00-06:00", "window 09:00-17:00 utc mon-fri, sat else drop",
            "window 08:00-20:00 \"America/New_York\" else drop", "window 10:00-12:00 mon"),
        Gen.OneOf("cap 3/day", "cap 1/7d"),
        Gen.OneOf("active 2026-12-01 .. 2027-01-01", "active .. 2027-01-01T00:00Z", "active 2026-12-01T10:00+01:00 .."),
        Gen.OneOf("once", "reeligible after 7d"),
        Gen.OneOf("category marketing"),
        Gen.OneOf("priority transactional"),
        Gen.OneOf("goal purchase within 7d", "goal purchase as p where p.total > 10 within 2d"),
    ];

    private static readonly Gen<string> Header = Gen.OneOf("rule r1 \"Title\" on cart_abandoned", "rule r2 on x as a", "on cart_abandoned");

    private static readonly Gen<string> Send = Gen.OneOf(
        "send email \"hi\"",
        "send email { subject: \"s\" body: template \"t.liquid\", }",
        "send push \"x\" else send sms { body: \"y\" } else send email \"z\"",
        "send sms { body: \"y\" } // before the fallback\n  else send email { subject: \"s\" } else send push \"z\"");

    private static readonly string[] EventParts = ["event e {", "a: int", "b: string?,", "c: list<int>", "}"];

    private static readonly string[] TestParts =
        ["test \"t\" {", "user u1 { a: 1 }", "at 2026-12-01T10:00Z event e for u1 { a: 2, b: \"x\" }", "u2 follows u1", "expect r1 sent to u1 via email", "}"];

    [Fact]
    public void Random_files_format_idempotently_and_keep_their_tree_and_comments()
    {
        File(Gen.OneOf([.. SeparatorsWithoutBlankLines, .. SeparatorsWithBlankLines])).Sample(text =>
        {
            var tree = TrigSource.ParseClean(text);
            var formatted = TrigFormatter.Format(tree);
            var reparsed = TrigSource.ParseClean(formatted);
            Assert.Equal(formatted, TrigFormatter.Format(reparsed));
            Assert.Equal(TrigSource.CanonicalDump(tree.Root), SyntaxDumper.Dump(reparsed.Root));
            Assert.Equal(TrigSource.CommentTexts(tree), TrigSource.CommentTexts(reparsed));
            LayoutAssert.IsCanonicalWhitespace(formatted);
        }, iter: 2000, print: text => "\n" + text + "\n");
    }

    [Fact]
    public void Without_blank_lines_in_the_source_the_only_blank_lines_separate_top_level_items()
    {
        File(Gen.OneOf(SeparatorsWithoutBlankLines)).Sample(text =>
        {
            var lines = TrigSource.Format(text).Split('\n');
            for (var i = 1; i + 1 < lines.Length; i++)
            {
                // Top-level items and the comments before them start at column 0.
                Assert.False(lines[i].Length == 0 && lines[i + 1].StartsWith(' '), $"blank line {i + 1} was added inside an item");
            }
        }, iter: 500, print: text => "\n" + text + "\n");
    }

    private static Gen<string> File(Gen<string> separator)
    {
        var rule = Gen.Select(Header, Gen.ShuffleSelect(Clauses, 0, Clauses.Length), Send, separator.Array[Clauses.Length + 2],
            (header, clauses, send, separators) => Join([header, .. clauses, send], separators));
        var block = Gen.OneOf(EventParts, TestParts).SelectMany(parts => separator.Array[parts.Length - 1].Select(separators => Join(parts, separators)));
        var item = Gen.Frequency((3, rule), (1, block));
        return Gen.Select(item.Array[1, 4], separator.Array[5], (items, separators) => Join(items, separators) + separators[^1]);
    }

    private static Gen<string> Unless() => Gen.OneOf(
        "unless purchase", "unless purchase within 24h", "unless purchase as p where p.total > 5 within 1d",
        "unless message_opened where rule == \"welcome\"");

    /// <summary>items[0] sep[0] items[1] sep[1] …: separators are reused cyclically when there are fewer.</summary>
    private static string Join(IReadOnlyList<string> items, IReadOnlyList<string> separators) =>
        string.Concat(items.Select((item, i) => i == 0 ? item : separators[(i - 1) % separators.Count] + item));
}
