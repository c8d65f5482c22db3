using Scriban.Syntax;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Templates;

/// <summary>
/// Tags that Scriban's Liquid parser does not know become function calls (<c>{% iff x %}</c>
/// calls <c>iff</c>) and fail only when rendered. This pass reports them, also in templates
/// with syntax errors, because a mistyped <c>if</c> otherwise surfaces only as a confusing
/// "no pending if" at its <c>endif</c>.
/// </summary>
internal sealed class TemplateTags(string text, Func<int, int, Location> locate, List<Diagnostic> diagnostics) : TemplateWalker
{
    /// <summary>Liquid tags that Scriban parses as function calls and renders.</summary>
    private static readonly string[] CallTags = ["cycle"];

    private static readonly string[] Known =
        ["assign", "capture", "case", "comment", "cycle", "decrement", "for", "if", "increment", "raw", "tablerow", "unless", "break", "continue"];

    /// <summary>True when the call is written as a tag: <c>{% name … %}</c>.</summary>
    public static bool IsTag(ScriptFunctionCall call, string text) =>
        call.Target is ScriptVariable name && TemplateText.SpanOf(name, text) is { } span && TemplateText.IsTagName(span, text);

    /// <summary>True for a tag that renders, whose arguments are ordinary expressions.</summary>
    public static bool IsKnownCallTag(ScriptFunctionCall call) => call.Target is ScriptVariable name && CallTags.Contains(name.Name);

    public override void Visit(ScriptFunctionCall node)
    {
        if (IsTag(node, text) && !IsKnownCallTag(node) && node.Target is ScriptVariable name && TemplateText.SpanOf(name, text) is { } span)
        {
            var at = new DiagnosticBuilder(locate(span.Start, span.Length));
            diagnostics.Add(name.Name is "include" or "render"
                ? at.TemplateIncludeNotSupported(name.Name)
                : at.UnknownTemplateTag(name.Name, Suggestions.Closest(name.Name, Known)));
        }
        base.Visit(node);
    }
}
