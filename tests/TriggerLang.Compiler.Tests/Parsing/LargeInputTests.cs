using System.Text;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Tests.Parsing;

/// <summary>Inputs no one writes by hand but a tool may produce: huge, deep, empty or random.</summary>
public class LargeInputTests
{
    private const string Sentinel = "\nrule still_parsed on e send email \"ok\"\n";

    [Fact]
    public void An_empty_file_has_no_items_and_no_diagnostics()
    {
        var tree = ParseInvariants.ParseAndCheck("");

        Assert.Empty(tree.Root.Items);
        Assert.Empty(tree.Diagnostics);
    }

    [Fact]
    public void Random_characters_never_break_the_parser()
    {
        var random = new Random(20261201);
        for (var file = 0; file < 20; file++)
        {
            var text = new StringBuilder();
            for (var i = 0; i < 5_000; i++)
            {
                // Any UTF-16 code unit except the surrogates, which a decoded file never holds alone.
                var c = (char)random.Next(0, 0xF800);
                text.Append(c >= 0xD800 ? (char)(c + 0x800) : c);
            }
            ParseInvariants.ParseAndCheck(text.ToString());
        }
    }

    [Fact]
    public void A_ten_megabyte_file_parses()
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < 10_000_000; i++)
        {
            text.Append($$$"""
                event event_{{{i}}} { cart_id: string, total: money, tags: list<string>? }
                rule rule_{{{i}}} "Rule {{{i}}}"
                  on event_{{{i}}} as e
                  where e.total > {{{i}}} and lower(user.country) in ["us", "ca"] or not exists(e.tags)
                  delay 30m unless purchase where total >= e.total within 24h
                  window 09:00-21:00 local mon-fri cap 3/day
                  send email { subject: "Hi {{ user.first_name }}", body: template "t.liquid" } else send sms "Hi"

                """);
        }

        var tree = ParseInvariants.ParseAndCheck(text.ToString());

        Assert.Empty(tree.Diagnostics);
        Assert.True(tree.Root.Items.Length > 20_000);
    }

    [Fact]
    public void A_one_megabyte_string_on_one_line_parses()
    {
        var body = new string('x', 1_000_000);

        var tree = ParseInvariants.ParseAndCheck($"rule big on e send email \"{body}\"");

        Assert.Empty(tree.Diagnostics);
        var rule = Assert.IsType<RuleDeclarationSyntax>(Assert.Single(tree.Root.Items));
        Assert.Equal(body, rule.Send!.Body!.Text.Value);
    }

    [Fact]
    public void An_unterminated_one_megabyte_string_is_one_error()
    {
        var tree = ParseInvariants.ParseAndCheck($"rule big on e send email \"{new string('x', 1_000_000)}" + Sentinel);

        Assert.Equal(["TRG0003"], tree.Diagnostics.Select(d => d.Code));
        AssertStillParsed(tree);
    }

    [Fact]
    public void A_sum_of_a_hundred_thousand_terms_is_too_deep_not_a_crash()
    {
        var chain = string.Join(" + ", Enumerable.Repeat("a", 100_000));

        var tree = ParseInvariants.ParseAndCheck($"rule long on e where {chain} > 1 send email \"x\"" + Sentinel);

        Assert.Equal([DiagnosticCatalog.NestingTooDeep.Code], tree.Diagnostics.Select(d => d.Code));
        AssertStillParsed(tree);
    }

    [Theory]
    [InlineData("(", "x", ")")]
    [InlineData("[", "x", "]")]
    [InlineData("not ", "x", "")]
    [InlineData("- ", "x", "")]
    [InlineData("-(", "x", ")")]
    [InlineData("lower(", "x", ")")]
    [InlineData("(", "", "")]
    public void Nesting_five_thousand_deep_is_one_error(string open, string inner, string close)
    {
        var expression = string.Concat(Enumerable.Repeat(open, 5_000)) + inner + string.Concat(Enumerable.Repeat(close, 5_000));

        var tree = ParseInvariants.ParseAndCheck($"rule deep on e where {expression} send email \"x\"" + Sentinel);

        Assert.Equal([DiagnosticCatalog.NestingTooDeep.Code], tree.Diagnostics.Select(d => d.Code));
        AssertStillParsed(tree);
    }

    [Fact]
    public void Nesting_objects_a_hundred_thousand_deep_in_a_test_is_one_error()
    {
        var objects = string.Concat(Enumerable.Repeat("{ a: ", 100_000)) + "1" + string.Concat(Enumerable.Repeat(" }", 100_000));

        var tree = ParseInvariants.ParseAndCheck($"test \"deep\" {{ user u1 {objects} }}" + Sentinel);

        Assert.Equal([DiagnosticCatalog.NestingTooDeep.Code], tree.Diagnostics.Select(d => d.Code));
        AssertStillParsed(tree);
    }

    [Theory]
    [InlineData("")]
    [InlineData("rule broken on e where send email \"x\"")]
    public void The_deepest_accepted_nesting_parses_on_a_one_megabyte_stack(string after)
    {
        // Just under the guard's limit, on the smallest default stack (a thread on
        // Windows); with a syntax error after it, the slower full-LL stage runs too.
        var depth = NestingGuard.MaxDepth - 1;
        var text = $"rule deep on e where {new string('(', depth)}x{new string(')', depth)} send email \"x\"\n{after}";
        SyntaxTree? tree = null;
        var thread = new Thread(() => tree = ParseInvariants.ParseAndCheck(text), maxStackSize: 1024 * 1024);

        thread.Start();
        thread.Join();

        Assert.NotNull(tree);
        Assert.Equal(after.Length == 0 ? 0 : 1, tree.Diagnostics.Length);
    }

    private static void AssertStillParsed(SyntaxTree tree)
    {
        var rule = Assert.Single(tree.Root.Items.OfType<RuleDeclarationSyntax>(), r => r.Name?.Name == "still_parsed");
        Assert.NotNull(rule.Send);
    }
}
