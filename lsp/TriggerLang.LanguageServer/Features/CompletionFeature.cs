using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.TypeSystem;
using TriggerLang.LanguageServer.Protocol;
using TriggerLang.LanguageServer.Workspace;

namespace TriggerLang.LanguageServer.Features;

/// <summary>
/// Completion from the model of the last compilation: events, fields, user
/// attributes, channels and their fields, functions, template variables and
/// keywords, chosen by <see cref="CompletionContext"/>. The editor filters by
/// the word being typed, so every candidate of the context is returned.
/// </summary>
public static class CompletionFeature
{
    public static readonly IReadOnlyList<string> ClauseKeywords =
        ["where", "to", "delay", "unless", "window", "cap", "active", "reeligible", "once", "category", "priority", "digest", "goal", "send", "else"];

    public static readonly IReadOnlyList<string> TopLevelKeywords = ["rule", "on", "event", "user", "settings", "limits", "test"];

    private static readonly IReadOnlyList<string> TemplateRoots = ["user", "event", "rule", "events", "count"];

    public static CompletionList Complete(AnalysedDocument document, Position position)
    {
        var context = CompletionContext.Of(document.File.Text, Conversions.ToOffset(document.File, position));
        var model = document.Compilation.Model;
        var channels = document.Compilation.Options.Channels;
        IEnumerable<CompletionItem> items = context.Kind switch
        {
            CompletionKind.Event => model.Schema.Events.Values.OrderBy(e => e.Name, StringComparer.Ordinal).Select(EventItem),
            CompletionKind.Channel => channels.Names.Select(name => new CompletionItem(name, CompletionItemKind.Module, "channel")),
            CompletionKind.ChannelField => channels.Find(context.Channel!)?.Fields
                .Select(f => new CompletionItem(f.Name, CompletionItemKind.Field, f.IsRequired ? "required" : "optional")) ?? [],
            CompletionKind.Member or CompletionKind.TemplateVariable when context.Target is { } target => Members(model, target, context),
            CompletionKind.TemplateVariable => TemplateRoots.Select(name => new CompletionItem(name, CompletionItemKind.Field, "template variable")),
            CompletionKind.Expression => Expression(model, context),
            CompletionKind.Keyword => ClauseKeywords.Concat(TopLevelKeywords).Distinct()
                .Select(k => new CompletionItem(k, CompletionItemKind.Keyword, null)),
            _ => [],
        };
        return new CompletionList(false, [.. items]);
    }

    private static IEnumerable<CompletionItem> Members(SemanticModel model, string target, CompletionContext context)
    {
        if (target == "user")
        {
            return model.Schema.User.Attributes.Select(FieldItem);
        }
        if (target == "rule")
        {
            return [new("name", CompletionItemKind.Field, "string"), new("title", CompletionItemKind.Field, "string")];
        }
        // `event.` is the trigger; any other name is taken as an alias of it (the common case) or of the event in scope.
        var name = target == "event" ? context.TriggerEvent : context.TriggerEvent ?? context.ScopeEvent;
        return name is not null && model.Schema.Event(name) is { } e ? e.Fields.Select(FieldItem) : [];
    }

    private static IEnumerable<CompletionItem> Expression(SemanticModel model, CompletionContext context)
    {
        var fields = context.ScopeEvent is { } name && model.Schema.Event(name) is { } e ? e.Fields.Select(FieldItem) : [];
        var roots = new[] { new CompletionItem("user", CompletionItemKind.Field, "the recipient"), new CompletionItem("event", CompletionItemKind.Field, "the trigger event") };
        var functions = BuiltInFunctions.All.Values.Select(f => new CompletionItem(f.Name, CompletionItemKind.Function, f.Signature));
        return fields.Concat(roots).Concat(functions);
    }

    private static CompletionItem EventItem(EventSymbol e) =>
        new(e.Name, CompletionItemKind.Event, e.IsBuiltIn ? "built-in event" : $"event ({e.Fields.Count} fields)");

    private static CompletionItem FieldItem(FieldSymbol f) => new(f.Name, CompletionItemKind.Field, f.Type.ToString());
}
