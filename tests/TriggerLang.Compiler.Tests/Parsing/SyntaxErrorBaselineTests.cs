using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Tests.Parsing;

/// <summary>
/// Golden syntax errors: each TestData/SyntaxErrors/NAME.trig holds one kind of
/// mistake and NAME.diagnostics the exact diagnostics, one per mistake. Recovery
/// must keep the rest of the file: a rule named <c>still_parsed</c> in the input
/// must come out whole (with its send clause).
/// </summary>
public class SyntaxErrorBaselineTests
{
    private const string Sentinel = "still_parsed";

    public static TheoryData<string> Cases => Baseline.Cases("SyntaxErrors");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_the_recorded_diagnostics(string name)
    {
        var path = $"SyntaxErrors/{name}.trig";
        var tree = TrigParser.Parse(new SourceFile(path, Baseline.Read(path)));

        Assert.NotEmpty(tree.Diagnostics);
        Baseline.Verify($"SyntaxErrors/{name}.diagnostics", string.Concat(tree.Diagnostics.Select(d => d + "\n")));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Keeps_the_rest_of_the_file(string name)
    {
        var path = $"SyntaxErrors/{name}.trig";
        var text = Baseline.Read(path);
        var tree = TrigParser.Parse(new SourceFile(path, text));

        Assert.All(tree.Diagnostics, d => Assert.InRange(d.Location!.Value.Span.End, d.Location.Value.Span.Start, text.Length));
        if (text.Contains(Sentinel, StringComparison.Ordinal))
        {
            var rule = Assert.Single(tree.Root.Items.OfType<RuleDeclarationSyntax>(), r => r.Name?.Name == Sentinel);
            Assert.NotNull(rule.Send);
            Assert.DoesNotContain(rule.DescendantsAndSelf(), n => n is MissingExpressionSyntax || n is IdentifierSyntax { IsMissing: true });
        }
    }
}
