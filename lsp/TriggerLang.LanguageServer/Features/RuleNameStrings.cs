using TriggerLang.Compiler;
using TriggerLang.Compiler.Binding;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.LanguageServer.Features;

/// <summary>One string literal that the semantic model knows holds a rule's name; <see cref="Span"/> covers the name inside the quotes.</summary>
public sealed record RuleNameString(SourceFile File, LiteralExpressionSyntax Literal, TextSpan Span, string Name);

/// <summary>
/// The string literals that denote a rule, as the binder typed them: the
/// operand compared with the <c>rule</c> field of a built-in message event
/// (<c>message_sent</c>, <c>message_opened</c>, <c>message_clicked</c>) by
/// <c>==</c>, <c>!=</c> or <c>in [ … ]</c>, in a rule's <c>where</c>, its
/// <c>unless … where</c> and <c>goal … where</c>; and the <c>rule:</c> value of
/// a built-in message event in a test. Not these: a string passed to a
/// function (<c>starts_with(rule, "cart_")</c>, <c>lower(rule) == "x"</c>),
/// any other string, a field named <c>rule</c> of a declared event, and
/// Liquid templates. A string written with escapes is left out (plain text
/// cannot replace it).
/// </summary>
public static class RuleNameStrings
{
    public static IReadOnlyList<RuleNameString> Find(Compilation compilation)
    {
        var found = new List<RuleNameString>();
        var model = compilation.Model;
        foreach (var rule in model.Rules)
        {
            var file = rule.Location.File;
            IEnumerable<BoundExpression?> conditions = [rule.Where, .. rule.Unless.Select(u => u.Where), rule.Goal?.Where];
            foreach (var condition in conditions.OfType<BoundExpression>())
            {
                foreach (var literal in Compared(condition))
                {
                    Add(found, file, literal);
                }
            }
        }
        foreach (var test in model.Tests)
        {
            foreach (var step in test.Steps.OfType<EventStep>().Where(s => s.Event.IsBuiltIn))
            {
                if (step.Syntax is TestEventSyntax { Properties: { } properties }
                    && properties.Properties.FirstOrDefault(p => p.Name.Name == "rule") is { Value: LiteralExpressionSyntax literal })
                {
                    Add(found, test.Location.File, literal);
                }
            }
        }
        return found;
    }

    /// <summary>The rule-name string at <paramref name="literal"/> (of the file at <paramref name="path"/>), or null.</summary>
    public static RuleNameString? At(Compilation compilation, string path, LiteralExpressionSyntax literal) =>
        Find(compilation).FirstOrDefault(s => ReferenceEquals(s.Literal, literal) && s.File.Path == path);

    private static void Add(List<RuleNameString> found, SourceFile file, LiteralExpressionSyntax literal)
    {
        if (literal is not { Kind: LiteralKind.String, Value: string name, StringToken: { } token })
        {
            return;
        }
        var span = token.MapValueSpan(0, name.Length);
        if (span.End <= file.Text.Length && file.GetText(span) == name)
        {
            found.Add(new RuleNameString(file, literal, span, name));
        }
    }

    /// <summary>The literals compared with a message event's <c>rule</c> anywhere in <paramref name="expression"/>.</summary>
    private static List<LiteralExpressionSyntax> Compared(BoundExpression expression)
    {
        var found = new List<LiteralExpressionSyntax>();
        var pending = new Stack<BoundExpression>([expression]);
        while (pending.TryPop(out var next))
        {
            switch (next)
            {
                case BoundBinary { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual } binary when IsRuleField(binary.Left) || IsRuleField(binary.Right):
                    if ((IsRuleField(binary.Left) ? binary.Right : binary.Left) is BoundLiteral { Syntax: LiteralExpressionSyntax compared })
                    {
                        found.Add(compared);
                    }
                    break;
                case BoundBinary { Operator: BinaryOperator.In, Right: BoundList list } binary when IsRuleField(binary.Left):
                    found.AddRange(list.Elements.Select(e => e is BoundLiteral { Syntax: LiteralExpressionSyntax element } ? element : null).OfType<LiteralExpressionSyntax>());
                    break;
                case BoundBinary binary:
                    pending.Push(binary.Right);
                    pending.Push(binary.Left);
                    break;
                case BoundUnary unary:
                    pending.Push(unary.Operand);
                    break;
                case BoundCall call:
                    // A call's own arguments are not compared with `rule` (`starts_with(rule, "x")`), but one may hold a comparison.
                    foreach (var argument in call.Arguments.Reverse())
                    {
                        pending.Push(argument);
                    }
                    break;
            }
        }
        return found;
    }

    /// <summary>The <c>rule</c> field of a built-in message event (a declared event's field named <c>rule</c> has a declaration).</summary>
    private static bool IsRuleField(BoundExpression expression) =>
        expression is BoundFieldAccess { Root: not RecordRoot.User, Field: { Name: "rule", IsBuiltIn: true } };
}
