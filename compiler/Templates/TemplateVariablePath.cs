using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Templates;

/// <summary>
/// A variable path as written in a template, such as <c>event.total</c> or <c>events[0].total</c>,
/// for editor features. Spans are UTF-16 offsets into the template text.
/// </summary>
public sealed record TemplateVariablePath(IReadOnlyList<TemplatePathSegment> Segments)
{
    /// <summary>The root name as written (<c>forloop</c>, not Scriban's internal <c>for</c>).</summary>
    public string Root => Segments[0].Name!;

    public TextSpan Span => Segments[0].Span.Union(Segments[^1].Span);
}

/// <summary>One step of a path: a name (<c>total</c>, also from <c>["total"]</c>), or an element access <c>[…]</c> when <see cref="Name"/> is null.</summary>
public sealed record TemplatePathSegment(string? Name, TextSpan Span);
