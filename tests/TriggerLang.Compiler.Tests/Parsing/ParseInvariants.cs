using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Tests.Parsing;

/// <summary>What must hold for the parse of any text at all, valid or not.</summary>
internal static class ParseInvariants
{
    /// <summary>Parses <paramref name="text"/> and checks that nothing escapes the file and no raw ANTLR wording leaks out.</summary>
    public static SyntaxTree ParseAndCheck(string text, string path = "fuzz.trig")
    {
        var tree = TrigParser.Parse(new SourceFile(path, text));
        foreach (var diagnostic in tree.Diagnostics)
        {
            var span = diagnostic.Location!.Value.Span;
            Assert.True(span.Start >= 0 && span.Length >= 0 && span.End <= text.Length, $"diagnostic span {span} is outside the file: {diagnostic}");
            Assert.DoesNotMatch("<missing|<EOF>|mismatched input|extraneous input|no viable alternative|expecting \\{", diagnostic.Message);
        }
        foreach (var node in tree.Root.DescendantsAndSelf())
        {
            Assert.True(node.Span.Start >= 0 && node.Span.Length >= 0 && node.Span.End <= text.Length,
                $"{node.GetType().Name} span {node.Span} is outside the file");
        }
        return tree;
    }
}
