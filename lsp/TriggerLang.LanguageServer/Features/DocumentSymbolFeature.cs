using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.LanguageServer.Protocol;
using TriggerLang.LanguageServer.Workspace;

namespace TriggerLang.LanguageServer.Features;

/// <summary>Document symbols (the outline): events with their fields, the user profile, settings, limits, rules and tests.</summary>
public static class DocumentSymbolFeature
{
    public static IReadOnlyList<DocumentSymbol>? Symbols(AnalysedDocument document)
    {
        var file = document.File;
        Protocol.Range RangeOf(SyntaxNode node) => Conversions.RangeOf(file, node.Span);
        DocumentSymbol Field(FieldDeclarationSyntax f) =>
            new(f.Name.Name, file.GetText(f.Type.Span), SymbolKind.Field, RangeOf(f), RangeOf(f.Name), null);

        var symbols = new List<DocumentSymbol>();
        var anonymous = document.Compilation.Model.Rules.Where(r => r.Syntax.Name is null)
            .ToDictionary<BoundRule, RuleDeclarationSyntax, string>(r => r.Syntax, r => r.Name, ReferenceEqualityComparer.Instance);
        foreach (var item in document.Tree.Root.Items)
        {
            DocumentSymbol? symbol = item switch
            {
                EventDeclarationSyntax e => new(e.Name.Name, "event", SymbolKind.Event, RangeOf(e), RangeOf(e.Name), [.. e.Fields.Select(Field)]),
                UserDeclarationSyntax u => new("user", null, SymbolKind.Struct, RangeOf(u), Conversions.RangeOf(file, u.KeywordSpan), [.. u.Fields.Select(Field)]),
                SettingsDeclarationSyntax s => new("settings", null, SymbolKind.Object, RangeOf(s), RangeOf(s), null),
                LimitsDeclarationSyntax l => new("limits", null, SymbolKind.Object, RangeOf(l), RangeOf(l), null),
                RuleDeclarationSyntax r => new(r.Name?.Name ?? anonymous.GetValueOrDefault(r) ?? "(anonymous rule)",
                    r.Title?.Value ?? $"on {r.On.Event.Name}", SymbolKind.Function, RangeOf(r), r.Name is null ? RangeOf(r.On) : RangeOf(r.Name), null),
                TestDeclarationSyntax t => new(t.Name.Value, "test", SymbolKind.Object, RangeOf(t), RangeOf(t.Name), null),
                _ => null,
            };
            if (symbol is not null)
            {
                symbols.Add(symbol);
            }
        }
        return symbols;
    }
}
