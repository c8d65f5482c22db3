using System.Collections.Immutable;
using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Templates;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Binding;

/// <summary>
/// Binds a send chain: channels and their fields (LANGUAGE.md §6), and every
/// field's Liquid template, inline or from a file, checked against the schema (§5).
/// </summary>
internal sealed class SendBinder(Schema schema, CompilationOptions options, List<Diagnostic> diagnostics)
{
    public ImmutableArray<BoundSend> Bind(SourceFile file, SendClauseSyntax send, EventSymbol? trigger, string? alias, bool isDigest)
    {
        var scope = new TemplateScope(schema.User, trigger, alias, isDigest);
        var result = ImmutableArray.CreateBuilder<BoundSend>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in send.Chain())
        {
            if (link.Channel.IsMissing)
            {
                continue;
            }
            var channel = options.Channels.Find(link.Channel.Name);
            if (channel is null)
            {
                diagnostics.Add(DiagnosticBuilder.At(file, link.Channel.Span).UnknownChannel(link.Channel.Name,
                    Suggestions.Closest(link.Channel.Name, options.Channels.Names), options.Channels.Names, options.Channels.Source));
                // The fields cannot be checked without the channel, but the templates can: report their mistakes now too.
                foreach (var value in link.IsBlock ? link.Fields.Select(f => f.Value) : link.Body is { } body ? [body] : [])
                {
                    Template(file, "", value, scope);
                }
                continue;
            }
            if (!used.Add(channel.Name))
            {
                diagnostics.Add(DiagnosticBuilder.At(file, link.Channel.Span).RepeatedFallbackChannel(channel.Name));
            }
            result.Add(new BoundSend(channel, BindFields(file, link, channel, scope)));
        }
        return result.ToImmutable();
    }

    private ImmutableArray<BoundTemplate> BindFields(SourceFile file, SendClauseSyntax send, ChannelDefinition channel, TemplateScope scope)
    {
        var fields = ImmutableArray.CreateBuilder<BoundTemplate>();
        if (!send.IsBlock)
        {
            if (send.Body is { } body && Template(file, channel.Primary.Name, body, scope) is { } template)
            {
                fields.Add(template);
            }
            ReportMissingRequired(file, send, channel, new HashSet<string> { channel.Primary.Name });
            return fields.ToImmutable();
        }
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in send.Fields)
        {
            if (field.Name.IsMissing)
            {
                continue;
            }
            if (channel.Field(field.Name.Name) is null)
            {
                var names = channel.Fields.Select(f => f.Name).ToList();
                diagnostics.Add(DiagnosticBuilder.At(file, field.Name.Span).UnknownChannelField(channel, field.Name.Name,
                    Suggestions.Closest(field.Name.Name, names), names));
                continue;
            }
            if (!given.Add(field.Name.Name))
            {
                diagnostics.Add(DiagnosticBuilder.At(file, field.Name.Span).DuplicateSendField(field.Name.Name));
                continue;
            }
            if (Template(file, field.Name.Name, field.Value, scope) is { } template)
            {
                fields.Add(template);
            }
        }
        ReportMissingRequired(file, send, channel, given);
        return fields.ToImmutable();
    }

    private void ReportMissingRequired(SourceFile file, SendClauseSyntax send, ChannelDefinition channel, IReadOnlySet<string> given)
    {
        foreach (var required in channel.Fields.Where(f => f.IsRequired && !given.Contains(f.Name)))
        {
            diagnostics.Add(DiagnosticBuilder.At(file, send.Channel.Span).MissingChannelField(channel, required.Name));
        }
    }

    private BoundTemplate? Template(SourceFile file, string field, TemplateValueSyntax value, TemplateScope scope)
    {
        var literal = value.Text;
        if (!value.IsFile)
        {
            CheckTemplate(literal.Value, scope, (start, length) => new Location(file, literal.MapValueSpan(start, length)));
            return new BoundTemplate(field, literal.Value, null);
        }
        var at = DiagnosticBuilder.At(file, literal.Span);
        var path = ResolveTemplatePath(file, literal.Value);
        if (path is null)
        {
            diagnostics.Add(at.TemplateOutsideProject(literal.Value));
            return null;
        }
        if (options.ReadFile(path) is not { } text)
        {
            diagnostics.Add(at.TemplateFileNotFound(literal.Value));
            return null;
        }
        var templateFile = new SourceFile(Path.Combine(Path.GetDirectoryName(file.Path) ?? "", literal.Value), text);
        CheckTemplate(text, scope, (start, length) => new Location(templateFile, new TextSpan(start, length)));
        return new BoundTemplate(field, text, path);
    }

    private void CheckTemplate(string text, TemplateScope scope, Func<int, int, Location> locate)
    {
        if (options.TemplateCache is { } cache)
        {
            cache.Check(text, scope, locate, diagnostics);
        }
        else
        {
            TemplateChecker.Check(text, scope, locate, diagnostics);
        }
    }

    /// <summary>The full path of a template file, or null when it would leave the project folder.</summary>
    private string? ResolveTemplatePath(SourceFile file, string relative)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file.Path)) ?? "";
        var full = Path.GetFullPath(Path.Combine(directory, relative));
        var root = options.ProjectRoot is null ? directory : Path.GetFullPath(options.ProjectRoot);
        var rootWithSlash = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return full.StartsWith(rootWithSlash, StringComparison.Ordinal) ? full : null;
    }
}
