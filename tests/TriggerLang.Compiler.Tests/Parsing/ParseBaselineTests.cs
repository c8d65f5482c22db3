using TriggerLang.Compiler.Parsing;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Tests.Parsing;

/// <summary>
/// Golden parse trees: each TestData/Parsing/NAME.trig is valid and parses with
/// no diagnostics into the tree in NAME.tree (<see cref="SyntaxDumper"/> with spans).
/// </summary>
public class ParseBaselineTests
{
    public static TheoryData<string> Cases => Baseline.Cases("Parsing");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses_into_the_recorded_tree(string name)
    {
        var path = $"Parsing/{name}.trig";
        var tree = TrigParser.Parse(new SourceFile(path, Baseline.Read(path)));

        Assert.Empty(tree.Diagnostics.Select(d => d.ToString()));
        Baseline.Verify($"Parsing/{name}.tree", SyntaxDumper.Dump(tree.Root, withSpans: true));
    }
}
