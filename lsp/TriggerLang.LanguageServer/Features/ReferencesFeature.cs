using TriggerLang.Compiler.Syntax;
using TriggerLang.LanguageServer.Protocol;
using TriggerLang.LanguageServer.Workspace;

namespace TriggerLang.LanguageServer.Features;

/// <summary>
/// Find references: every name in the project's files that resolves to the same
/// event, field, attribute or rule as the one under the cursor (by the same
/// scoping as hover), and for fields and attributes their uses inside the
/// rules' Liquid templates (<see cref="TemplateFieldReferences"/>); for rules,
/// also the strings that hold their name (<see cref="RuleNameStrings"/>).
/// </summary>
public static class ReferencesFeature
{
    public static IReadOnlyList<Protocol.Location>? References(AnalysedDocument document, Position position, bool includeDeclaration)
    {
        var target = SymbolFinder.Find(document, Conversions.ToOffset(document.File, position));
        if (target is null or ChannelAt or FunctionAt or TemplateFileAt)
        {
            return null;
        }
        var name = document.File.GetText(target.Span);
        var locations = new List<Protocol.Location>();
        foreach (var tree in document.Compilation.SyntaxTrees)
        {
            var other = document with { Tree = tree };
            foreach (var identifier in tree.Root.DescendantsAndSelf().OfType<IdentifierSyntax>().Where(i => i.Name == name && !i.IsMissing))
            {
                var found = SymbolFinder.Find(other, identifier.Span.Start);
                if (found is not null && Same(found, target) && (includeDeclaration || !IsDeclaration(found, tree.File.Path)))
                {
                    locations.Add(Conversions.LocationOf(new Compiler.Text.Location(tree.File, identifier.Span)));
                }
            }
        }
        if (target is FieldAt field)
        {
            locations.AddRange(TemplateFieldReferences.Find(document, field).Select(Conversions.LocationOf));
        }
        if (target is RuleAt rule)
        {
            // The strings that hold its name where the model knows they denote a rule (`where rule == "name"`), then in file order.
            locations.AddRange(RuleNameStrings.Find(document.Compilation).Where(s => s.Name == rule.Rule.Name)
                .Select(s => Conversions.LocationOf(new Compiler.Text.Location(s.File, s.Span))));
            return [.. locations.OrderBy(l => l.Uri, StringComparer.Ordinal).ThenBy(l => l.Range.Start.Line).ThenBy(l => l.Range.Start.Character)];
        }
        return locations;
    }

    private const int Read = 2;
    private const int Write = 3;

    /// <summary>Document highlight: the references in this document, its declaration marked as a write (LSP kind 3), the others as reads (2).</summary>
    public static IReadOnlyList<DocumentHighlight>? Highlights(AnalysedDocument document, Position position)
    {
        if (References(document, position, includeDeclaration: true) is not { } all)
        {
            return null;
        }
        var uri = DocumentUri.FromPath(document.File.Path);
        var uses = References(document, position, includeDeclaration: false)!.ToHashSet();
        return [.. all.Where(l => l.Uri == uri).Select(l => new DocumentHighlight(l.Range, uses.Contains(l) ? Read : Write))];
    }

    private static bool Same(SymbolAt a, SymbolAt b) => (a, b) switch
    {
        (EventAt x, EventAt y) => ReferenceEquals(x.Event, y.Event),
        (FieldAt x, FieldAt y) => x.Field == y.Field && x.Owner == y.Owner,
        (RuleAt x, RuleAt y) => x.Rule.Name == y.Rule.Name,
        _ => false,
    };

    private static bool IsDeclaration(SymbolAt symbol, string path)
    {
        var declaration = symbol switch
        {
            EventAt e => e.Event.Declaration,
            FieldAt f => f.Field.Declaration,
            RuleAt r => r.Rule.Location,
            _ => null,
        };
        return declaration is { } at && at.File.Path == path && at.Span == symbol.Span;
    }
}
