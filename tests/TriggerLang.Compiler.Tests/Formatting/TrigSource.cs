using TriggerLang.Compiler.Formatting;
using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Tests.Formatting;

/// <summary>Parsing, formatting and tree comparison as the formatter tests need them.</summary>
internal static class TrigSource
{
    public static SyntaxTree Parse(string text, string path = "test.trig") => TrigParser.Parse(new SourceFile(path, text));

    public static SyntaxTree ParseClean(string text, string path = "test.trig")
    {
        var tree = Parse(text, path);
        Assert.False(tree.HasErrors, $"{path} should parse without errors:\n" + string.Join('\n', tree.Diagnostics));
        return tree;
    }

    public static string Format(string text, string path = "test.trig") => TrigFormatter.Format(ParseClean(text, path));

    /// <summary>
    /// The tree as the formatter must give it back: the formatter reorders a rule's
    /// clauses (any order means the same, LANGUAGE.md §3), so compare in canonical order.
    /// </summary>
    public static string CanonicalDump(CompilationUnitSyntax root) =>
        SyntaxDumper.Dump(root with
        {
            Items = [.. root.Items.Select(item => item is RuleDeclarationSyntax rule ? rule with { Clauses = ClauseOrder.Arrange(rule.Clauses) } : item)],
        });

    /// <summary>Each comment's text as the formatter writes it (LF, no trailing blanks), sorted: equal lists mean none lost or duplicated.</summary>
    public static List<string> CommentTexts(SyntaxTree tree) =>
        [.. tree.Root.Comments.Select(c => string.Join('\n', c.Text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()))).Order(StringComparer.Ordinal)];
}
