using Scriban.Syntax;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Templates;

/// <summary>
/// Walks a parsed Liquid template and has every variable path resolved (<see cref="TemplateResolver"/>).
/// Filter names, tag names, named-argument keys and assignment targets are names
/// but not variables, so the walk steps around them and checks only the values.
/// </summary>
internal sealed class TemplateBinder(
    string text,
    TemplateResolver resolver,
    Func<int, int, Location> locate,
    List<Diagnostic> diagnostics,
    List<TemplateVariablePath>? paths) : TemplateWalker
{
    // ── Paths ───────────────────────────────────────────────────────────

    public override void Visit(ScriptVariableGlobal node) => BindPath(node);

    public override void Visit(ScriptVariableLocal node) => BindPath(node);

    public override void Visit(ScriptMemberExpression node) => BindPath(node);

    public override void Visit(ScriptIndexerExpression node) => BindPath(node);

    private TemplateShape BindPath(ScriptExpression expression)
    {
        if (TemplatePathSyntax.Flatten(expression, text) is not { } path)
        {
            // Not rooted at a variable: check what it is made of, but never the member names.
            switch (expression)
            {
                case ScriptMemberExpression access:
                    Visit(access.Target);
                    break;
                case ScriptIndexerExpression indexer:
                    Visit(indexer.Target);
                    Visit(indexer.Index);
                    break;
            }
            return TemplateShape.Unknown;
        }
        paths?.Add(path.ToVariablePath());
        // After the first error the path is no longer checked, so that one typo gives one diagnostic.
        var shape = resolver.Root(path);
        for (var i = 0; i < path.Steps.Count; i++)
        {
            var step = path.Steps[i];
            if (step.DynamicIndex is { } index)
            {
                Visit(index);
            }
            if (shape is not null)
            {
                shape = step.Name is not null ? resolver.Member(shape, path, i) : shape.Element;
            }
        }
        return shape ?? TemplateShape.Unknown;
    }

    // ── Filters and calls ───────────────────────────────────────────────

    public override void Visit(ScriptPipeCall node)
    {
        Visit(node.From);
        VisitFilter(node.To);
    }

    /// <summary>Right of a <c>|</c>: a filter name (never a variable) with arguments, or more filters.</summary>
    private void VisitFilter(ScriptExpression? filter)
    {
        switch (filter)
        {
            case ScriptPipeCall pipe:
                VisitFilter(pipe.From);
                VisitFilter(pipe.To);
                break;
            // The name may also be dotted, Scriban style (`string.upcase`): still not a variable.
            case ScriptFunctionCall call:
                VisitArguments(call.Arguments);
                break;
            case ScriptVariable or ScriptMemberExpression:
                break;
            default:
                Visit(filter);
                break;
        }
    }

    /// <summary>A call outside a pipe: a tag (reported by <see cref="TemplateTags"/> if unknown), or two values side by side.</summary>
    public override void Visit(ScriptFunctionCall node)
    {
        if (TemplateTags.IsTag(node, text))
        {
            if (TemplateTags.IsKnownCallTag(node))
            {
                VisitArguments(node.Arguments);
            }
            return;
        }
        // A function definition among the arguments is the mistake to report (OnParserPlaceholder), not the missing pipe.
        if (node.Arguments is null || !node.Arguments.Any(TemplateWalker.IsParserPlaceholder))
        {
            var span = TemplateText.SpanOf(node.Target, text) ?? default;
            if (node.Arguments is { Count: > 0 } arguments && TemplateText.SpanOf(arguments[^1], text) is { } last)
            {
                span = span.Union(last);
            }
            diagnostics.Add(new DiagnosticBuilder(locate(span.Start, span.Length)).TemplateMissingPipe());
        }
        // A bare name in front is most likely a filter written the Scriban way (`upcase x`): not a variable.
        if (node.Target is not ScriptVariable)
        {
            Visit(node.Target);
        }
        VisitArguments(node.Arguments);
    }

    /// <summary>What Scriban leaves of a function definition (<c>a() = 1</c>) where a value goes: it parses, and fails only when rendered.</summary>
    protected override void OnParserPlaceholder(ScriptNode node)
    {
        var span = TemplateText.SpanOf(node, text) ?? new TextSpan(0, text.Length);
        diagnostics.Add(new DiagnosticBuilder(locate(span.Start, span.Length)).TemplateFunctionDefinition());
    }

    private void VisitArguments(ScriptList<ScriptExpression>? arguments)
    {
        if (arguments is null)
        {
            return;
        }
        foreach (var argument in arguments)
        {
            if (argument is ScriptVariable key && TemplateText.SpanOf(key, text) is { } span && TemplateText.IsNamedArgumentKey(span, text))
            {
                continue;
            }
            Visit(argument);
        }
    }

    /// <summary><c>limit: n</c> in a for tag: only the value is an expression.</summary>
    public override void Visit(ScriptNamedArgument node) => Visit(node.Value);

    // ── Tags ────────────────────────────────────────────────────────────

    public override void Visit(ScriptForStatement node) => VisitLoop(node, isTableRow: false);

    public override void Visit(ScriptTableRowStatement node) => VisitLoop(node, isTableRow: true);

    private void VisitLoop(ScriptForStatement node, bool isTableRow)
    {
        var collection = node.Iterator is null ? TemplateShape.Unknown : BindValue(node.Iterator);
        Visit(node.NamedArguments);
        if (node.Variable is ScriptVariable variable)
        {
            resolver.PushLoop(variable.Name, collection.Element, isTableRow);
            Visit(node.Body);
            resolver.PopLoop();
        }
        else
        {
            Visit(node.Body);
        }
        // `{% else %}` runs when there is nothing to loop over: outside the loop's scope.
        Visit(node.Else);
    }

    /// <summary>Checks an expression and, when it is a path, returns what it holds.</summary>
    private TemplateShape BindValue(ScriptExpression expression)
    {
        if (TemplatePathSyntax.Flatten(expression, text) is not null)
        {
            return BindPath(expression);
        }
        Visit(expression);
        return TemplateShape.Unknown;
    }

    /// <summary>The target is a local collected beforehand (<see cref="TemplateLocals"/>); only the value is checked.</summary>
    public override void Visit(ScriptAssignExpression node) => Visit(node.Value);

    public override void Visit(ScriptCaptureStatement node) => Visit(node.Body);

    public override void Visit(ScriptExpressionStatement node)
    {
        if (!TemplateText.IsCounterTag(node, text, out _))
        {
            base.Visit(node);
        }
    }
}
