using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Templates;

/// <summary>
/// A schema field named in a template, as the checker resolved it: a field of
/// event <see cref="Owner"/>, or a profile attribute when it is <c>"user"</c>.
/// Loop variables and aliases are seen through (<c>e.total</c> in
/// <c>for e in events</c>). <see cref="Span"/> covers just the name (inside the
/// quotes of <c>["total"]</c>), in UTF-16 offsets of the template text.
/// </summary>
public sealed record TemplateFieldUse(string Owner, string Field, TextSpan Span);
