using TriggerLang.LanguageServer.Protocol;
using TriggerLang.LanguageServer.Workspace;

namespace TriggerLang.LanguageServer.Features;

/// <summary>Go to definition: where an event, field, attribute or rule is declared, or the file of <c>template "path"</c>. Built-ins have none.</summary>
public static class DefinitionFeature
{
    public static Protocol.Location? Definition(AnalysedDocument document, Position position) =>
        SymbolFinder.Find(document, Conversions.ToOffset(document.File, position)) switch
        {
            EventAt { Event.Declaration: { } at } => Conversions.LocationOf(at),
            FieldAt { Field.Declaration: { } at } => Conversions.LocationOf(at),
            RuleAt r => Conversions.LocationOf(r.Rule.Location),
            TemplateFileAt t when File.Exists(t.FullPath) => new Protocol.Location(DocumentUri.FromPath(t.FullPath), Conversions.Empty),
            _ => null,
        };
}
