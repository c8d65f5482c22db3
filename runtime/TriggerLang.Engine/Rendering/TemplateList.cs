using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace TriggerLang.Engine.Rendering;

/// <summary>
/// A list as Liquid knows it: Scriban gives arrays <c>size</c> but, unlike Liquid, not the
/// <c>first</c> and <c>last</c> members that the compile-time checker accepts (TemplateShape's ListShape).
/// </summary>
internal sealed class TemplateList : ScriptArray
{
    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        switch (member)
        {
            case "first":
                value = Count > 0 ? this[0] : null;
                return true;
            case "last":
                value = Count > 0 ? this[^1] : null;
                return true;
            default:
                return base.TryGetValue(context, span, member, out value);
        }
    }
}
