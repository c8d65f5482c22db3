using System.Collections.Immutable;
using Scriban;
using Scriban.Runtime;
using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Engine.Rendering;

/// <summary>
/// Renders a send's fields (LANGUAGE.md §5, §11). Every template of the model is parsed once, up
/// front; each field renders with fresh globals, so a template's <c>assign</c> cannot leak into the
/// next field, and each gets the whole of <see cref="RenderLimits"/>.
/// </summary>
public sealed class MessageRenderer
{
    private readonly RenderLimits _limits;
    private readonly TemplateValues _values;
    // By reference: a record's own hash would hash the whole template text at every render.
    private readonly Dictionary<BoundSend, ParsedMessage> _messages = new(ReferenceEqualityComparer.Instance);
    private RenderContext? _spare;

    public MessageRenderer(SemanticModel model, RenderLimits limits)
    {
        _limits = limits;
        _values = new TemplateValues(model);
        var templates = new Dictionary<BoundTemplate, ParsedTemplate>(ReferenceEqualityComparer.Instance);
        foreach (var send in model.Rules.SelectMany(r => r.Sends))
        {
            _messages.TryAdd(send, ParsedMessage.Of(send, templates));
        }
    }

    public RenderResult Render(BoundRule rule, BoundSend send, RenderScope scope)
    {
        // A model built after this renderer (tests, reloads) still renders, just without the cache.
        var message = _messages.TryGetValue(send, out var cached) ? cached : ParsedMessage.Of(send, []);
        var fields = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>(send.Fields.Length);
        ScriptObject? globals = null; // built once per message, and only when a field is more than plain text
        for (var i = 0; i < send.Fields.Length; i++)
        {
            var field = send.Fields[i];
            var parsed = message.Fields[i];
            if (parsed.Error is { } syntax)
            {
                return RenderResult.Failed($"template of field `{field.Field}` does not parse: {syntax}");
            }
            string? failure = null;
            var text = parsed.Plain is { } plain
                ? plain.Length > _limits.MaxOutputChars ? Fail(RenderFailures.Output(_limits), out failure) : plain
                : RenderOne(parsed.Template!, globals ??= _values.Globals(rule, scope, message.Reads), out failure);
            if (failure is not null)
            {
                return RenderResult.Failed($"template of field `{field.Field}` {failure}");
            }
            fields.Add(new(field.Field, text!));
        }
        return new RenderResult(fields.MoveToImmutable(), null);
    }

    private static string? Fail(string why, out string? failure)
    {
        failure = why;
        return null;
    }

    private string? RenderOne(Template template, ScriptObject globals, out string? failure)
    {
        // One spare context, taken and given back: no lock, and safe if hosts render on several threads (a second
        // render at the same time just builds its own).
        var context = Interlocked.Exchange(ref _spare, null) ?? new RenderContext(_limits);
        try
        {
            var text = context.Render(template, globals);
            _spare = context;
            failure = text.Length > _limits.MaxOutputChars ? RenderFailures.Output(_limits) : null;
            return failure is null ? text : null;
        }
        catch (Exception exception)
        {
            // The context may be left mid-render (loops, captures): not reused.
            failure = Explain(exception);
            return null;
        }
    }

    /// <summary>
    /// Our own limits come as <see cref="RenderLimitException"/>; Scriban reports its limits as
    /// <c>ScriptRuntimeException</c>s told apart only by their text. The tests pin each of them, so a
    /// Scriban upgrade that rewords one is caught there.
    /// </summary>
    private string Explain(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is RenderLimitException limit)
            {
                return limit.Message;
            }
        }
        var message = exception.Message;
        if (message.Contains("LoopLimit", StringComparison.Ordinal) || message.Contains("iteration limit", StringComparison.Ordinal))
        {
            return RenderFailures.Loops(_limits);
        }
        if (message.Contains("OutputLimit", StringComparison.Ordinal) || message.Contains("LimitToString", StringComparison.Ordinal))
        {
            return RenderFailures.Output(_limits);
        }
        return $"failed: {message}";
    }

    /// <summary>A send's fields parsed, and the globals they read between them.</summary>
    private sealed record ParsedMessage(ImmutableArray<ParsedTemplate> Fields, TemplateReads Reads)
    {
        /// <param name="templates">Templates parsed already (a template file may serve several sends).</param>
        public static ParsedMessage Of(BoundSend send, Dictionary<BoundTemplate, ParsedTemplate> templates)
        {
            var fields = send.Fields.Select(field => templates.TryGetValue(field, out var parsed)
                ? parsed
                : templates[field] = ParsedTemplate.Parse(field.Text)).ToImmutableArray();
            return new(fields, TemplateReads.Union(fields.Where(f => f.Template is not null).Select(f => TemplateReads.Of(f.Template!))));
        }
    }

    /// <summary>A parsed template, or plain text (<see cref="Plain"/>), or why it would not parse (the compiler reports that first; a pack built anyway still must not crash).</summary>
    private sealed record ParsedTemplate(Template? Template, string? Error, string? Plain = null)
    {
        public static ParsedTemplate Parse(string text)
        {
            // Text with no Liquid tag renders as itself: no parse, no context, no globals.
            if (!text.Contains("{{", StringComparison.Ordinal) && !text.Contains("{%", StringComparison.Ordinal))
            {
                return new(null, null, text);
            }
            try
            {
                var template = Template.ParseLiquid(text);
                return template.HasErrors
                    ? new(null, string.Join("; ", template.Messages.Select(m => m.Message)))
                    : new(template, null);
            }
            catch (Exception exception)
            {
                return new(null, exception.Message);
            }
        }
    }
}
