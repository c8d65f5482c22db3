using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Tests.Semantics;

/// <summary>LANGUAGE.md §3: an anonymous rule is named after its file's stem, or stem_1, stem_2… when the file has several rules.</summary>
public class AnonymousRuleNamingTests
{
    private const string Schema = "event cart_abandoned { cart_id: string, total: money }";

    [Fact]
    public void The_only_rule_of_a_file_is_named_after_the_file_without_a_warning()
    {
        var compilation = Compile(("rules/quick.trig", "on cart_abandoned send email \"Hi\""));

        Assert.Empty(compilation.Diagnostics);
        var rule = Assert.Single(compilation.Model.Rules);
        Assert.Equal("quick", rule.Name);
        Assert.True(rule.IsAnonymous);
    }

    [Fact]
    public void Several_anonymous_rules_of_a_file_are_numbered_in_source_order()
    {
        var compilation = Compile(("nudges.trig",
            "on cart_abandoned send email \"One\"\nrule named on cart_abandoned send push \"Two\"\non cart_abandoned send sms \"Three\""));

        Assert.Equal(["nudges_1", "named", "nudges_2"], compilation.Model.Rules.Select(r => r.Name));
        Assert.Equal(["TRG0207", "TRG0207"], compilation.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Rules_keep_the_order_of_files_sorted_by_path_then_source_order()
    {
        var compilation = Compile(("b.trig", "rule b1 on cart_abandoned send email \"x\""), ("a.trig", "rule a1 on cart_abandoned send email \"x\""));

        Assert.Equal(["a1", "b1"], compilation.Model.Rules.Select(r => r.Name));
    }

    private static Compilation Compile(params (string Path, string Text)[] files) =>
        Compilation.Create([new SourceFile("schema.trig", Schema), .. files.Select(f => new SourceFile(f.Path, f.Text))]);
}
