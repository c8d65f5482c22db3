using TriggerLang.Compiler.Formatting;
using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Syntax;

namespace TriggerLang.Compiler.Tests.Formatting;

/// <summary>What must hold for every file: on the golden files and on every example in the repository.</summary>
public class FormattingInvariantTests
{
    public static TheoryData<string> Inputs => [.. FormattingCorpus.InvariantInputs()];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Formatting_is_idempotent(string path)
    {
        if (Load(path) is not { } tree)
        {
            return;
        }
        var once = TrigFormatter.Format(tree);
        var twice = TrigSource.Format(once, path);
        Assert.Equal(once, twice);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Formatting_keeps_the_tree(string path)
    {
        if (Load(path) is not { } tree)
        {
            return;
        }
        var formatted = TrigSource.ParseClean(TrigFormatter.Format(tree), path);
        Assert.Equal(TrigSource.CanonicalDump(tree.Root), SyntaxDumper.Dump(formatted.Root));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Formatting_keeps_every_comment_exactly_once(string path)
    {
        if (Load(path) is not { } tree)
        {
            return;
        }
        var formatted = TrigSource.ParseClean(TrigFormatter.Format(tree), path);
        Assert.Equal(TrigSource.CommentTexts(tree), TrigSource.CommentTexts(formatted));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Output_follows_the_whitespace_rules(string path)
    {
        if (Load(path) is not { } tree)
        {
            return;
        }
        LayoutAssert.IsCanonicalWhitespace(TrigFormatter.Format(tree));
    }

    /// <summary>The tree of a file named by <see cref="FormattingCorpus.InvariantInputs"/>, or null when it has syntax errors: the formatter leaves such files alone.</summary>
    private static SyntaxTree? Load(string path)
    {
        var tree = TrigSource.Parse(File.ReadAllText(FormattingCorpus.Resolve(path)), path);
        return tree.HasErrors ? null : tree;
    }
}
