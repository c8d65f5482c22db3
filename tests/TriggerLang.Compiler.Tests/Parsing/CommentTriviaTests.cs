using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Tests.Parsing;

/// <summary>Comments are not in the tree but kept beside it, in order, so that the formatter can put them back.</summary>
public class CommentTriviaTests
{
    [Fact]
    public void Comments_are_kept_in_source_order_with_their_text()
    {
        var path = "Parsing/comments.trig";
        var file = new SourceFile(path, Baseline.Read(path));

        var comments = TrigParser.Parse(file).Root.Comments;

        Assert.Equal(
            [
                "// A line comment before everything.",
                "/* A block comment\n   over two lines. */",
                "/* inside a rule */",
                "// after the trigger",
                "// between clauses",
                "/* in an expression */",
                "// at the end of a line",
                "/* /* does not nest */",
                "// A last comment with no newline after it",
            ],
            comments.Select(c => c.Text.Replace("\r\n", "\n", StringComparison.Ordinal)));
        Assert.All(comments, c => Assert.Equal(c.Text, file.GetText(c.Span)));
    }

    [Fact]
    public void An_unterminated_block_comment_runs_to_the_end_of_the_file()
    {
        var text = "rule a on e send email \"x\"\n/* rule b on e send email \"y\"\n";

        var tree = TrigParser.Parse(new SourceFile("x.trig", text));

        var comment = Assert.Single(tree.Root.Comments);
        Assert.True(comment.IsBlock);
        Assert.Equal(text.Length, comment.Span.End);
        Assert.Single(tree.Root.Items);
    }

    [Fact]
    public void A_closed_block_comment_does_not_swallow_what_follows()
    {
        var tree = TrigParser.Parse(new SourceFile("x.trig", "/* one */ rule a on e send email \"x\" /* two */ rule b on e send email \"y\""));

        Assert.Empty(tree.Diagnostics);
        Assert.Equal(2, tree.Root.Items.Length);
        Assert.Equal(["/* one */", "/* two */"], tree.Root.Comments.Select(c => c.Text));
    }
}
