using TriggerLang.Compiler.Formatting;
using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Tests.Formatting;

/// <summary>Cases that golden files cannot express well: errors, line endings, degenerate files, parser quirks.</summary>
public class TrigFormatterTests
{
    [Fact]
    public void A_file_with_syntax_errors_is_refused()
    {
        var tree = TrigParser.Parse(new SourceFile("bad.trig", "rule r on x where send email \"x\""));
        Assert.True(tree.HasErrors);
        Assert.Throws<InvalidOperationException>(() => TrigFormatter.Format(tree));
    }

    [Fact]
    public void Crlf_and_tabs_become_lf_and_spaces()
    {
        var formatted = TrigSource.Format("rule r\r\n\ton x\t// why\r\n\tsend email \"a\\tb\"\r\n");
        Assert.Equal("rule r\n  on x // why\n  send email \"a\\tb\"\n", formatted);
    }

    [Fact]
    public void An_empty_file_stays_empty() => Assert.Equal("", TrigSource.Format("  \n\n"));

    [Fact]
    public void A_file_of_comments_keeps_them_and_their_paragraphs() =>
        Assert.Equal("// a\n// b\n\n// c\n", TrigSource.Format("\n\n// a   \n   // b\n\n\n// c\n\n"));

    [Fact]
    public void Once_after_a_window_without_days_keeps_the_canonical_order_and_stays_a_clause()
    {
        var formatted = TrigSource.Format("on x once window 09:00-21:00 local category m send push \"x\"");
        Assert.Equal("on x\n  window 09:00-21:00 local\n  once\n  category m\n  send push \"x\"\n", formatted);
        // Read back, `once` must still be a clause of its own and not a weekday of the window.
        var reparsed = TrigSource.ParseClean(formatted).Root;
        Assert.Empty(reparsed.DescendantsAndSelf().OfType<WindowClauseSyntax>().Single().Days);
        Assert.Single(reparsed.DescendantsAndSelf().OfType<OnceClauseSyntax>());
        Assert.Equal(formatted, TrigSource.Format(formatted));
    }

    [Fact]
    public void Once_after_a_window_with_days_keeps_the_canonical_order() =>
        Assert.Equal("on x\n  window 09:00-21:00 mon\n  once\n  send push \"x\"\n", TrigSource.Format("on x once window 09:00-21:00 mon send push \"x\""));

    [Fact]
    public void Trailing_comments_of_consecutive_lines_line_up_until_a_line_without_one() =>
        Assert.Equal(
            "event e {\n  a: int     // x\n  bb: string // y\n  c: int\n  d: int // z\n  e: int /* p\n q */\n  f: int // w\n}\n",
            TrigSource.Format("event e {\n  a: int // x\n  bb: string   // y\n  c: int\n  d: int // z\n  e: int /* p\n q */\n  f: int // w\n}\n"));

    [Theory]
    [InlineData("event e {\r\n  a: int\r\n\r\n\r\n  b: int\r\n}\r\n", "event e {\n  a: int\n\n  b: int\n}\n")]
    // The blank line belongs to the comment trailing `a`: it does not split the entries.
    [InlineData("event e {\n  a: int /* x\n\n  y */\n  b: int\n}\n", "event e {\n  a: int /* x\n\n  y */\n  b: int\n}\n")]
    [InlineData("event e {\n  a: int // x\n\n  b: int\n}\n", "event e {\n  a: int // x\n\n  b: int\n}\n")]
    public void Blank_lines_between_entries_are_found_past_line_endings_and_trailing_comments(string input, string expected) =>
        Assert.Equal(expected, TrigSource.Format(input));

    [Theory]
    [InlineData("event e {\n// later\n}", "event e {\n  // later\n}\n")]
    [InlineData("event e { // later\n}", "event e { // later\n}\n")]
    [InlineData("on x send webhook {\n// todo\n}", "on x\n  send webhook {\n    // todo\n  }\n")]
    [InlineData("event e {}  ", "event e {}\n")]
    public void A_comment_inside_an_empty_block_keeps_the_block_open(string input, string expected) =>
        Assert.Equal(expected, TrigSource.Format(input));

    [Fact]
    public void Block_comments_parse_and_are_kept_where_they_stand()
    {
        var tree = TrigParser.Parse(new SourceFile("x.trig", "event e { a: int /* why */ b: int }\n/* end */\n"));
        Assert.False(tree.HasErrors, string.Join('\n', tree.Diagnostics));
        Assert.Equal(["/* why */", "/* end */"], tree.Root.Comments.Select(c => c.Text));
        Assert.Equal("event e {\n  a: int /* why */\n  b: int\n}\n\n/* end */\n", TrigFormatter.Format(tree));
    }
}
