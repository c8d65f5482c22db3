using TriggerLang.LanguageServer.Protocol;
using TriggerLang.LanguageServer.Workspace;

namespace TriggerLang.LanguageServer.Features;

/// <summary>
/// Quick fixes: the did-you-mean edit the compiler attaches to a diagnostic
/// (unknown event, field, channel…), offered for every diagnostic of the file
/// that touches the requested range. The compiler's own diagnostics are used,
/// not the client's copy, so the edit always matches the current text.
/// </summary>
public static class CodeActionFeature
{
    public static IReadOnlyList<CodeAction>? Actions(AnalysedDocument document, Protocol.Range range)
    {
        var start = Conversions.ToOffset(document.File, range.Start);
        var end = Conversions.ToOffset(document.File, range.End);
        var uri = DocumentUri.FromPath(document.File.Path);
        return
        [
            .. document.Compilation.Diagnostics
                .Where(d => d.Fix is not null && d.Location is { } at && at.File.Path == document.File.Path
                    && at.Span.Start <= end && at.Span.End >= start)
                .Select(d => new CodeAction(
                    d.Fix!.Title,
                    "quickfix",
                    [Conversions.ToLsp(d)],
                    new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>>
                    {
                        [uri] = [new TextEdit(Conversions.RangeOf(document.File, d.Fix.Span), d.Fix.NewText)],
                    }),
                    IsPreferred: true)),
        ];
    }
}
