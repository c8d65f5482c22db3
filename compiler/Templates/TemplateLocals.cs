using Scriban.Syntax;

namespace TriggerLang.Compiler.Templates;

/// <summary>
/// Names a template defines with assign, capture, increment and decrement. Collected over the
/// whole template before checking, because a name assigned late in a loop is legitimately read
/// early in the next iteration; they are untyped, so any use of them is accepted.
/// </summary>
internal sealed class TemplateLocals : TemplateWalker
{
    private readonly string _text;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    private TemplateLocals(string text) => _text = text;

    public static IReadOnlySet<string> Collect(ScriptPage page, string text)
    {
        var collector = new TemplateLocals(text);
        collector.Visit(page);
        return collector._names;
    }

    public override void Visit(ScriptAssignExpression node)
    {
        Add(node.Target);
        base.Visit(node);
    }

    public override void Visit(ScriptCaptureStatement node)
    {
        Add(node.Target);
        base.Visit(node);
    }

    public override void Visit(ScriptExpressionStatement node)
    {
        if (TemplateText.IsCounterTag(node, _text, out var counter))
        {
            Add(counter);
        }
        base.Visit(node);
    }

    private void Add(ScriptExpression? target)
    {
        if (target is ScriptVariable variable)
        {
            _names.Add(variable.Name);
        }
    }
}
