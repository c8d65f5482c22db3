using CsCheck;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Tests.Semantics;

/// <summary>
/// Properties of the type checker over random where-conditions (LANGUAGE.md §4):
/// a well-typed condition gets no diagnostic at all, and a condition with one
/// mistake gets exactly one error, at the mistake, and never an internal error.
/// </summary>
public class WhereExpressionPropertyTests
{
    private const string Prefix = "rule r on order where ";
    private const string Suffix = " send email \"x\"";
    private const int Depth = 4;

    private static readonly WhereExpressionGenerator Generator = new();

    [Fact]
    public void A_well_typed_condition_has_no_diagnostics()
    {
        Generator.Condition(Depth).Sample(expression =>
        {
            var diagnostics = Check(expression);
            Assert.True(diagnostics.Length == 0, string.Join("\n", diagnostics));
        }, iter: 2000);
    }

    [Fact]
    public void A_condition_with_one_mistake_has_exactly_one_error_at_the_mistake()
    {
        Generator.IllTypedCondition(Depth).Sample(expression =>
        {
            var diagnostic = Assert.Single(Check(expression));
            Assert.True(diagnostic.IsError);
            Assert.Equal(expression.ErrorCode, diagnostic.Code);
            var span = diagnostic.Location!.Value.Span;
            var (start, end) = (span.Start - Prefix.Length, span.End - Prefix.Length);
            Assert.True(start >= expression.ErrorStart && end <= expression.ErrorStart + expression.ErrorLength,
                $"{diagnostic} is outside the mistake at [{expression.ErrorStart}, {expression.ErrorStart + expression.ErrorLength})");
        }, iter: 2000);
    }

    private static Diagnostic[] Check(GeneratedExpression expression)
    {
        var compilation = Compilation.Create([
            new SourceFile("schema.trig", WhereExpressionGenerator.Schema),
            new SourceFile("rule.trig", Prefix + expression.Text + Suffix),
        ]);
        return [.. compilation.Diagnostics];
    }
}
