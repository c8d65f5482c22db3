using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Tests.Parsing;

/// <summary>
/// Spans in the golden parse trees, checked against the source text: every
/// node lies inside its parent, and names, literals and clause keywords cover
/// exactly their text. Together with the baselines this pins spans down
/// without reading offsets by eye.
/// </summary>
public class SpanInvariantTests
{
    public static TheoryData<string> Cases => Baseline.Cases("Parsing");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Spans_cover_their_source_text(string name)
    {
        var path = $"Parsing/{name}.trig";
        var file = new SourceFile(path, Baseline.Read(path));
        var root = TrigParser.Parse(file).Root;

        CheckChildren(file, root);
        var previousEnd = 0;
        foreach (var item in root.Items)
        {
            Assert.True(item.Span.Start >= previousEnd, $"{item.GetType().Name} at {item.Span} overlaps the item before it");
            previousEnd = item.Span.End;
        }
    }

    private static void CheckChildren(SourceFile file, SyntaxNode node)
    {
        CheckText(file, node);
        foreach (var child in node.Children)
        {
            Assert.True(child.Span.Start >= node.Span.Start && child.Span.End <= node.Span.End,
                $"{child.GetType().Name} {child.Span} is outside its parent {node.GetType().Name} {node.Span}");
            CheckChildren(file, child);
        }
    }

    private static void CheckText(SourceFile file, SyntaxNode node)
    {
        var text = file.GetText(node.Span);
        switch (node)
        {
            case IdentifierSyntax identifier:
                Assert.Equal(identifier.Name, text);
                break;
            case LiteralExpressionSyntax literal:
                Assert.Equal(literal.Text, text);
                break;
            case StringLiteralSyntax:
                Assert.Matches("^\".*\"$", text);
                break;
            case DurationSyntax duration:
                Assert.Equal(duration.Text, text);
                break;
            case TimeOfDaySyntax time:
                Assert.Equal(time.Text, text);
                break;
            case DateTimeSyntax dateTime:
                Assert.Equal(dateTime.Text, text);
                break;
            case IntegerSyntax integer:
                Assert.Equal(integer.Text, text);
                break;
            case RuleClauseSyntax clause:
                Assert.Equal(clause.Keyword, file.GetText(clause.KeywordSpan));
                Assert.StartsWith(clause.Keyword, text, StringComparison.Ordinal);
                break;
            case ZoneSyntax zone:
                Assert.Equal(zone.Kind switch { ZoneKind.Local => "local", ZoneKind.Utc => "utc", _ => zone.Name!.Value is var v ? $"\"{v}\"" : "" }, text);
                break;
            case RuleDeclarationSyntax rule:
                Assert.StartsWith(rule.Name is null ? "on " : "rule ", text, StringComparison.Ordinal);
                break;
            case SendClauseSyntax:
                Assert.StartsWith("send ", text, StringComparison.Ordinal);
                break;
        }
    }
}
