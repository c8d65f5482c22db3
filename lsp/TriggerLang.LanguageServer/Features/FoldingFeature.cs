using TriggerLang.LanguageServer.Protocol;

namespace TriggerLang.LanguageServer.Features;

/// <summary>Folding: every top-level item (declaration, rule, test) and block comment that spans more than one line.</summary>
public static class FoldingFeature
{
    public static IReadOnlyList<FoldingRange>? Ranges(AnalysedDocument document)
    {
        var file = document.File;
        var items = document.Tree.Root.Items.Select(i => (i.Span, Kind: (string?)null));
        var comments = document.Tree.Root.Comments.Where(c => c.IsBlock).Select(c => (c.Span, Kind: (string?)"comment"));
        return
        [
            .. items.Concat(comments)
                .Select(r => (Start: file.GetLinePosition(r.Span.Start).Line, End: file.GetLinePosition(r.Span.End).Line, r.Kind))
                .Where(r => r.End > r.Start)
                .OrderBy(r => r.Start)
                .Select(r => new FoldingRange(r.Start, r.End, r.Kind)),
        ];
    }
}
