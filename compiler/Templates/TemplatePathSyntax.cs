using Scriban.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Templates;

/// <summary>
/// A chain like <c>events[0].total</c> flattened from Scriban's left-nested member and
/// indexer nodes into root + steps, so that it can be resolved from the root outwards.
/// </summary>
internal sealed record TemplatePathSyntax(ScriptVariable Root, string RootName, TextSpan RootSpan, IReadOnlyList<TemplatePathStep> Steps)
{
    /// <summary>Null when the chain does not start at a variable (<c>"text".size</c>, <c>(x | upcase).size</c>).</summary>
    public static TemplatePathSyntax? Flatten(ScriptExpression expression, string text)
    {
        var steps = new List<TemplatePathStep>();
        var current = expression;
        while (true)
        {
            switch (current)
            {
                // Parentheses; Scriban also wraps `forloop.x` in one.
                case ScriptNestedExpression nested:
                    current = nested.Expression;
                    break;
                case ScriptMemberExpression { Member: { } member } access when access is not ScriptIsEmptyExpression:
                    steps.Add(TemplatePathStep.Member(member.Name, TemplateText.NameSpan(member, member.Name, text), access, text));
                    current = access.Target;
                    break;
                case ScriptIndexerExpression { Index: { } index } indexer:
                    steps.Add(TemplatePathStep.Indexer(index, indexer, text));
                    current = indexer.Target;
                    break;
                case ScriptVariable root:
                    steps.Reverse();
                    var span = TemplateText.NameSpan(root, root.Name, text);
                    // The source text, not root.Name: Scriban renames `forloop` to `for`.
                    return new TemplatePathSyntax(root, text.Substring(span.Start, span.Length), span, steps);
                default:
                    return null;
            }
        }
    }

    public TemplateVariablePath ToVariablePath() =>
        new([new TemplatePathSegment(RootName, RootSpan), .. Steps.Select(s => new TemplatePathSegment(s.Name, s.Span))]);
}

/// <summary>
/// <c>.name</c> or <c>["name"]</c> (<see cref="Name"/> set), or an element access <c>[i]</c>;
/// <see cref="DynamicIndex"/> is an index expression that needs checking itself (<c>[user.tier]</c>).
/// <see cref="End"/> is where the chain up to this step ends, for messages that quote it.
/// </summary>
internal sealed record TemplatePathStep(string? Name, TextSpan Span, ScriptExpression? DynamicIndex, int End)
{
    public static TemplatePathStep Member(string name, TextSpan span, ScriptNode access, string text) =>
        new(name, span, null, TemplateText.SpanOf(access, text)?.End ?? span.End);

    public static TemplatePathStep Indexer(ScriptExpression index, ScriptNode access, string text)
    {
        var span = TemplateText.SpanOf(index, text) ?? default;
        var end = TemplateText.SpanOf(access, text)?.End ?? span.End;
        return index switch
        {
            // ["total"]: a member; the span is inside the quotes so that a fix replaces just the name.
            ScriptLiteral { Value: string name } when span.Length >= 2 => new(name, new TextSpan(span.Start + 1, span.Length - 2), null, end),
            ScriptLiteral => new(null, span, null, end),
            _ => new(null, span, index, end),
        };
    }
}
