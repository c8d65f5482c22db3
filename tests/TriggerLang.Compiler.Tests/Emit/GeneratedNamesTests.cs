using Microsoft.CodeAnalysis.CSharp;
using TriggerLang.Compiler.Emit;

namespace TriggerLang.Compiler.Tests.Emit;

/// <summary>Generated names are plain ASCII identifiers made from indexes: never a keyword, never an escape, never rule text.</summary>
public class GeneratedNamesTests
{
    [Fact]
    public void Generated_names_are_plain_identifiers_and_no_keywords()
    {
        var names = Enumerable.Range(0, 200).SelectMany(i => new[]
        {
            GeneratedNames.EventClass(i), GeneratedNames.EventField(i), GeneratedNames.UserField(i), GeneratedNames.RuleClass(i),
            GeneratedNames.Constant(i),
        }).Concat([GeneratedNames.PackClass, GeneratedNames.UserClass, GeneratedNames.EvaluationAlias, GeneratedNames.OpsAlias,
            .. GeneratedNames.Namespace.Split('.')]);

        Assert.All(names, name =>
        {
            Assert.Matches("^[A-Z][A-Za-z0-9]*$", name);
            Assert.Equal(SyntaxKind.None, SyntaxFacts.GetKeywordKind(name));
            Assert.Equal(SyntaxKind.None, SyntaxFacts.GetContextualKeywordKind(name));
        });
    }

    [Fact]
    public void A_rule_class_name_gives_back_its_index_and_no_other_name_does()
    {
        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal(i, GeneratedNames.RuleIndex(GeneratedNames.RuleClass(i))));
        Assert.All(new[] { GeneratedNames.PackClass, GeneratedNames.EventClass(1), "R", "R-1", "R+1", "R 1", "Ops" },
            name => Assert.Null(GeneratedNames.RuleIndex(name)));
    }
}
