using System.Text;
using TriggerLang.Compiler.Semantics;
using TriggerLang.LanguageServer.Protocol;
using TriggerLang.LanguageServer.Workspace;

namespace TriggerLang.LanguageServer.Features;

/// <summary>Hover: the type and declaration of an event, field or attribute; a rule's plain-English summary; a channel's fields; a function's signature.</summary>
public static class HoverFeature
{
    public static Hover? Hover(AnalysedDocument document, Position position)
    {
        var symbol = SymbolFinder.Find(document, Conversions.ToOffset(document.File, position));
        var text = symbol switch
        {
            EventAt e => EventText(e.Event),
            FieldAt f => $"```trig\n{f.Field.Name}: {f.Field.Type}\n```\n{(f.Owner == "user" ? "Attribute of the recipient's profile" : $"Field of event `{f.Owner}`")}{Where(f.Field.Declaration)}",
            RuleAt r => $"```trig\nrule {r.Rule.Name}\n```\n{(r.Rule.Title is null ? "" : $"**{r.Rule.Title}**\n\n")}{RuleSummary.Describe(r.Rule)}",
            ChannelAt c => $"```trig\nchannel {c.Channel.Name} {{ {string.Join(", ", c.Channel.Fields.Select(f => f.Name + (f.IsRequired ? "" : "?")))} }}\n```",
            FunctionAt f => $"```trig\n{f.Function.Signature}\n```\n{f.Function.Description}",
            TemplateFileAt t => $"Template file `{t.FullPath}`",
            _ => null,
        };
        return text is null || symbol is null ? null : new Hover(MarkupContent.Markdown(text), Conversions.RangeOf(document.File, symbol.Span));
    }

    private static string EventText(EventSymbol e)
    {
        var text = new StringBuilder($"```trig\nevent {e.Name} {{\n");
        foreach (var field in e.Fields)
        {
            text.Append($"  {field.Name}: {field.Type}\n");
        }
        return text.Append("}\n```\n").Append(e.IsBuiltIn ? "Built-in event" : "Event").Append(Where(e.Declaration)).ToString();
    }

    private static string Where(Compiler.Text.Location? declaration) =>
        declaration is { } d ? $", declared in `{Path.GetFileName(d.File.Path)}` line {d.Start.Line + 1}" : " (built in)";
}
