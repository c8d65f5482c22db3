using Scriban.Syntax;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Text;
using TriggerLang.Compiler.TypeSystem;

namespace TriggerLang.Compiler.Templates;

/// <summary>
/// What names mean at a point of a template: loop variables (innermost first), <c>forloop</c>,
/// the scope's roots, then the template's own locals. Reports what does not resolve, with a did-you-mean.
/// </summary>
internal sealed class TemplateResolver(
    string text,
    TemplateScope scope,
    IReadOnlySet<string> locals,
    Func<int, int, Location> locate,
    List<Diagnostic> diagnostics,
    List<TemplateFieldUse>? fieldUses)
{
    private const string Events = "events";
    private const string Count = "count";

    private readonly TemplateShape _user = TemplateShape.User(scope.User);
    private readonly TemplateShape _event = TemplateShape.Event(scope.Trigger);
    private readonly List<(string Name, TemplateShape Shape, bool IsTableRow)> _loops = [];

    public void PushLoop(string variable, TemplateShape element, bool isTableRow) => _loops.Add((variable, element, isTableRow));

    public void PopLoop() => _loops.RemoveAt(_loops.Count - 1);

    /// <summary>The shape of the root, or null after reporting it.</summary>
    public TemplateShape? Root(TemplatePathSyntax path)
    {
        var name = path.Root.Name;
        for (var i = _loops.Count - 1; i >= 0; i--)
        {
            if (_loops[i].Name == name)
            {
                return _loops[i].Shape;
            }
        }
        // Scriban's names for Liquid's `forloop` and `tablerowloop`, which exist only inside their loops.
        if (name == ScriptVariable.ForObject.Name && _loops.Exists(l => !l.IsTableRow))
        {
            return TemplateShape.ForLoop;
        }
        if (name == ScriptVariable.TablerowObject.Name && _loops.Exists(l => l.IsTableRow))
        {
            return TemplateShape.Unknown;
        }
        switch (name)
        {
            case "user":
                return _user;
            case "event":
                return _event;
            case "rule":
                return TemplateShape.Rule;
            case "nil" or "empty" or "blank":
                return TemplateShape.Unknown;
            case Events or Count when scope.IsDigest:
                return name == Count ? new ScalarShape(TrigType.Int) : new ListShape(_event);
        }
        if (name == scope.TriggerAlias)
        {
            return _event;
        }
        if (locals.Contains(name))
        {
            return TemplateShape.Unknown;
        }
        var at = new DiagnosticBuilder(locate(path.RootSpan.Start, path.RootSpan.Length));
        if (name is Events or Count)
        {
            diagnostics.Add(at.DigestVariableOutsideDigest(name));
            return null;
        }
        var inScope = NamesInScope();
        // In a `where`, a bare name is a field of the trigger event; in a template it needs `event.`.
        var suggestion = scope.Trigger?.Field(name) is not null ? $"event.{name}" : Suggestions.Closest(path.RootName, inScope);
        diagnostics.Add(at.UnknownTemplateVariable(path.RootName, suggestion, inScope));
        return null;
    }

    /// <summary>The shape of the member named by step <paramref name="stepIndex"/> of <paramref name="owner"/>, or null after reporting it.</summary>
    public TemplateShape? Member(TemplateShape owner, TemplatePathSyntax path, int stepIndex)
    {
        var step = path.Steps[stepIndex];
        var name = step.Name!;
        switch (owner)
        {
            case RecordShape record when record.Fields.TryGetValue(name, out var field):
                if (record.SchemaOwner is { } schemaOwner)
                {
                    fieldUses?.Add(new TemplateFieldUse(schemaOwner, name, step.Span));
                }
                return field;
            case RecordShape record:
                ReportUnknownField(record.Owner, name, step, [.. record.Fields.Keys]);
                return null;
            case ListShape list:
                switch (name)
                {
                    case "size":
                        return new ScalarShape(TrigType.Int);
                    case "first" or "last":
                        return list.Element;
                }
                ReportUnknownField($"the list `{Prefix(path, stepIndex)}`", name, step, ListShape.Members);
                return null;
            case ScalarShape { Type.Kind: TypeKind.String } when name == "size":
                return new ScalarShape(TrigType.Int);
            case ScalarShape scalar:
                diagnostics.Add(new DiagnosticBuilder(locate(step.Span.Start, step.Span.Length))
                    .TemplateValueHasNoFields(Prefix(path, stepIndex), scalar.Type, name));
                return null;
            default:
                return TemplateShape.Unknown;
        }
    }

    private void ReportUnknownField(string owner, string name, TemplatePathStep step, IReadOnlyList<string> fields) =>
        diagnostics.Add(new DiagnosticBuilder(locate(step.Span.Start, step.Span.Length))
            .UnknownTemplateField(owner, name, Suggestions.Closest(name, fields), fields));

    /// <summary>The path as written before step <paramref name="stepIndex"/>, e.g. <c>event.total</c> for <c>.foo</c>.</summary>
    private string Prefix(TemplatePathSyntax path, int stepIndex)
    {
        var end = stepIndex == 0 ? path.RootSpan.End : path.Steps[stepIndex - 1].End;
        return text[path.RootSpan.Start..Math.Max(path.RootSpan.Start, end)];
    }

    private List<string> NamesInScope()
    {
        var names = new List<string>();
        for (var i = _loops.Count - 1; i >= 0; i--)
        {
            names.Add(_loops[i].Name);
        }
        if (_loops.Exists(l => !l.IsTableRow))
        {
            names.Add("forloop");
        }
        names.AddRange(["user", "event"]);
        if (scope.TriggerAlias is { } alias)
        {
            names.Add(alias);
        }
        names.Add("rule");
        if (scope.IsDigest)
        {
            names.AddRange([Events, Count]);
        }
        names.AddRange(locals.Order(StringComparer.Ordinal));
        return [.. names.Distinct(StringComparer.Ordinal)];
    }
}
