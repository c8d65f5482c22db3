using Scriban;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Templates;

/// <summary>
/// Compile-time checking of a Liquid template (LANGUAGE.md §5): its syntax, parsed with
/// Scriban's Liquid parser (the one that renders it), and every variable path it uses,
/// against the rule's <see cref="TemplateScope"/>.
/// </summary>
public static class TemplateChecker
{
    /// <summary>
    /// Checks <paramref name="text"/> and adds what is wrong to <paramref name="diagnostics"/>.
    /// <paramref name="locate"/> maps (offset, length) in <paramref name="text"/> (UTF-16) to the
    /// source, which lets the caller look through string escapes or into a template file.
    /// Never throws on any text. Variables are checked only when the syntax is valid:
    /// Scriban's tree after an error is partial and would give confusing follow-up errors.
    /// </summary>
    public static void Check(string text, TemplateScope scope, Func<int, int, Location> locate, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(locate);
        ArgumentNullException.ThrowIfNull(diagnostics);
        Run(text, scope, locate, diagnostics, paths: null, fieldUses: null);
    }

    /// <summary>
    /// The schema fields a template names, resolved against <paramref name="scope"/>, in text
    /// order, for find references and rename; empty when the template does not parse.
    /// </summary>
    public static IReadOnlyList<TemplateFieldUse> FieldUses(string text, TemplateScope scope)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scope);
        var uses = new List<TemplateFieldUse>();
        var anywhere = new SourceFile("", text);
        Run(text, scope, (offset, length) => new Location(anywhere, new TextSpan(offset, length)), [], paths: null, uses);
        return uses;
    }

    /// <summary>
    /// The variable paths a template uses, in text order, for editor features (hover,
    /// go-to-definition, rename); empty when the template does not parse.
    /// </summary>
    public static IReadOnlyList<TemplateVariablePath> VariablePaths(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paths = new List<TemplateVariablePath>();
        var anywhere = new SourceFile("", text);
        // Any scope will do: the paths are the same, and the diagnostics are dropped.
        var scope = new TemplateScope(new UserSchema([]), null, null, IsDigest: true);
        Run(text, scope, (offset, length) => new Location(anywhere, new TextSpan(offset, length)), [], paths, fieldUses: null);
        return paths;
    }

    private static void Run(string text, TemplateScope scope, Func<int, int, Location> locate, List<Diagnostic> diagnostics,
        List<TemplateVariablePath>? paths, List<TemplateFieldUse>? fieldUses)
    {
        var found = new List<Diagnostic>();
        try
        {
            CheckParsed(Parse(text, locate, found), text, scope, locate, found, paths, fieldUses);
        }
        catch (Exception exception)
        {
            found.Add(new DiagnosticBuilder(locate(0, text.Length)).InternalError("checking a template", exception));
        }
        // The passes above each go through the text in order; together, they should too.
        diagnostics.AddRange(found.OrderBy(d => d.Location?.Span.Start ?? 0));
    }

    /// <summary>Scriban's parser is not ours to fix: whatever it throws is reported as a syntax error of the template.</summary>
    private static Template? Parse(string text, Func<int, int, Location> locate, List<Diagnostic> found)
    {
        try
        {
            return Template.ParseLiquid(text);
        }
        catch (Exception exception)
        {
            found.Add(new DiagnosticBuilder(locate(0, text.Length)).TemplateSyntaxError(
                $"the template could not be parsed ({exception.GetType().Name}: {exception.Message}); simplify it"));
            return null;
        }
    }

    private static void CheckParsed(Template? template, string text, TemplateScope scope, Func<int, int, Location> locate,
        List<Diagnostic> found, List<TemplateVariablePath>? paths, List<TemplateFieldUse>? fieldUses)
    {
        if (template is null)
        {
            return;
        }
        var hasSyntaxErrors = TemplateSyntaxErrors.Report(template, text, locate, found);
        if (template.Page is not { } page)
        {
            return;
        }
        new TemplateTags(text, locate, found).Visit(page);
        if (!hasSyntaxErrors)
        {
            var resolver = new TemplateResolver(text, scope, TemplateLocals.Collect(page, text), locate, found, fieldUses);
            new TemplateBinder(text, resolver, locate, found, paths).Visit(page);
        }
    }
}
