using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Templates;
using TriggerLang.Compiler.Text;

namespace TriggerLang.LanguageServer.Features;

/// <summary>
/// Where a field or attribute is named inside the rules' Liquid templates,
/// inline or in <c>template "file"</c> files. Each template is resolved with
/// its own rule's scope by the compiler's template checker, so <c>event.total</c>
/// counts only where the rule's trigger is the field's event, and loop
/// variables and aliases are seen through.
/// </summary>
public static class TemplateFieldReferences
{
    public static IEnumerable<Location> Find(AnalysedDocument document, FieldAt target)
    {
        var compilation = document.Compilation;
        var found = new List<Location>();
        foreach (var rule in compilation.Model.Rules.Where(r => r.Syntax.Send is not null))
        {
            if (compilation.SyntaxTrees.FirstOrDefault(t => t.File.Path == rule.Location.File.Path) is not { } tree)
            {
                continue;
            }
            var scope = new TemplateScope(compilation.Model.Schema.User, rule.Trigger, rule.TriggerAlias,
                IsDigest: rule.Syntax.Clause<DigestClauseSyntax>() is not null);
            foreach (var value in rule.Syntax.Send!.Chain().SelectMany(Templates))
            {
                found.AddRange(Uses(document with { Tree = tree }, value, scope, target));
            }
        }
        // A template file shared by several rules is found once per rule.
        return found.DistinctBy(l => (l.File.Path, l.Span)).OrderBy(l => l.File.Path, StringComparer.Ordinal).ThenBy(l => l.Span.Start);
    }

    private static IEnumerable<TemplateValueSyntax> Templates(SendClauseSyntax link) =>
        link.IsBlock ? link.Fields.Select(f => f.Value) : link.Body is { } body ? [body] : [];

    private static IEnumerable<Location> Uses(AnalysedDocument rules, TemplateValueSyntax value, TemplateScope scope, FieldAt target)
    {
        SourceFile file;
        Func<TextSpan, TextSpan> map;
        if (value.IsFile)
        {
            var path = SymbolFinder.TemplateFile(rules, value).FullPath;
            if (rules.Compilation.Options.ReadFile(path) is not { } text)
            {
                return [];
            }
            (file, map) = (new SourceFile(path, text), span => span);
        }
        else
        {
            (file, map) = (rules.File, span => value.Text.MapValueSpan(span.Start, span.Length));
        }
        var template = value.IsFile ? file.Text : value.Text.Value;
        return TemplateChecker.FieldUses(template, scope)
            .Where(u => u.Owner == target.Owner && u.Field == target.Field.Name)
            .Select(u => new Location(file, map(u.Span)))
            // A name written with escapes (`["tot\u0061l"]`) cannot be replaced by plain text; leave it alone.
            .Where(l => file.GetText(l.Span) == target.Field.Name);
    }
}
