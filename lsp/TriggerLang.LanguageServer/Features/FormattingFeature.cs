using TriggerLang.Compiler.Formatting;
using TriggerLang.LanguageServer.Protocol;
using TriggerLang.LanguageServer.Workspace;

namespace TriggerLang.LanguageServer.Features;

/// <summary>
/// Formatting: exactly <c>trig fmt</c>'s output, as one edit over the whole
/// document. Like <c>trig fmt</c>, a file with syntax errors is left alone
/// (no edits), and so is a file already formatted.
/// </summary>
public static class FormattingFeature
{
    public static IReadOnlyList<TextEdit>? Format(AnalysedDocument document)
    {
        if (document.Tree.HasErrors)
        {
            return [];
        }
        var formatted = TrigFormatter.Format(document.Tree);
        if (formatted == document.File.Text)
        {
            return [];
        }
        var whole = Conversions.RangeOf(document.File, new Compiler.Text.TextSpan(0, document.File.Text.Length));
        return [new TextEdit(whole, formatted)];
    }
}
