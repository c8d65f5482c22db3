using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Scriban;
using Scriban.Runtime;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Engine.Rendering.Direct;

namespace TriggerLang.Engine.Rendering;

/// <summary>
/// Renders a send's fields (LANGUAGE.md §5, §11). Every template of the model is parsed once, up
/// front; each field renders with fresh globals, so a template's <c>assign</c> cannot leak into the
/// next field, and each gets the whole of <see cref="RenderLimits"/>. A template of the common subset
/// (<see cref="DirectTemplateBuilder"/>) is translated then, for its rule, and renders straight from the
/// records to the text Scriban would give; the others render through Scriban.
/// </summary>
public sealed class MessageRenderer
{
    private readonly RenderLimits _limits;
    private readonly TemplateValues _values;
    private readonly SemanticModel _model;
    private readonly bool _direct;
    // By reference: a record's own hash would hash the whole template text at every render.
    private readonly Dictionary<BoundSend, ParsedMessage> _messages = new(ReferenceEqualityComparer.Instance);
    private RenderContext? _spare;
    private DirectRender? _spareDirect;

    public MessageRenderer(SemanticModel model, RenderLimits limits)
        : this(model, limits, renderDirectly: true)
    {
    }

    /// <param name="renderDirectly">False renders every template through Scriban: for the tests that compare the two.</param>
    internal MessageRenderer(SemanticModel model, RenderLimits limits, bool renderDirectly)
    {
        _limits = limits;
        _values = new TemplateValues(model);
        _model = model;
        _direct = renderDirectly;
        var templates = new Dictionary<BoundTemplate, ParsedTemplate>(ReferenceEqualityComparer.Instance);
        foreach (var rule in model.Rules)
        {
            foreach (var send in rule.Sends)
            {
                _messages.TryAdd(send, Parse(rule, send, templates));
            }
        }
    }

    public RenderResult Render(BoundRule rule, BoundSend send, RenderScope scope)
    {
        // A model built after this renderer (tests, reloads) still renders, just without the cache.
        var message = _messages.TryGetValue(send, out var cached) ? cached : Parse(rule, send, []);
        // The array itself becomes the result (no builder: a message's fields are counted before it renders).
        var fields = new KeyValuePair<string, string>[send.Fields.Length];
        ScriptObject? globals = null; // built once per message, and only when a field renders through Scriban
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
                : message.Direct[i] is { } direct
                    ? RenderDirect(direct, scope, out failure)
                    : RenderOne(parsed.Template!, globals ??= _values.Globals(rule, scope, message.Reads), out failure);
            if (failure is not null)
            {
                return RenderResult.Failed($"template of field `{field.Field}` {failure}");
            }
            fields[i] = new(field.Field, text!);
        }
        return new RenderResult(ImmutableCollectionsMarshal.AsImmutableArray(fields), null);
    }

    private static string? Fail(string why, out string? failure)
    {
        failure = why;
        return null;
    }

    /// <summary>Whether the field at <paramref name="index"/> of <paramref name="send"/> renders without Scriban (for the tests).</summary>
    internal bool RendersDirectly(BoundSend send, int index) => _messages[send].Direct[index] is not null;

    private ParsedMessage Parse(BoundRule rule, BoundSend send, Dictionary<BoundTemplate, ParsedTemplate> templates) =>
        ParsedMessage.Of(send, templates, _direct ? DirectNames.Of(_model, rule) : null);

    private string? RenderDirect(DirectTemplate template, RenderScope scope, out string? failure)
    {
        // Spare as the context is; a render that throws leaves nothing behind (each render starts afresh), so it is given back.
        var render = Interlocked.Exchange(ref _spareDirect, null) ?? new DirectRender(_limits);
        try
        {
            failure = null;
            return render.Render(template, scope);
        }
        catch (Exception exception)
        {
            failure = Explain(exception);
            return null;
        }
        finally
        {
            _spareDirect = render;
        }
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

    /// <summary>
    /// A send's fields parsed; those that render directly, translated for the send's rule (null where not); and the
    /// globals that the others read between them.
    /// </summary>
    private sealed record ParsedMessage(ImmutableArray<ParsedTemplate> Fields, ImmutableArray<DirectTemplate?> Direct, TemplateReads Reads)
    {
        /// <param name="templates">Templates parsed already (a template file may serve several sends).</param>
        /// <param name="names">The rule's names, or null to render every field through Scriban.</param>
        public static ParsedMessage Of(BoundSend send, Dictionary<BoundTemplate, ParsedTemplate> templates, DirectNames? names)
        {
            var fields = send.Fields.Select(field => templates.TryGetValue(field, out var parsed)
                ? parsed
                : templates[field] = ParsedTemplate.Parse(field.Text)).ToImmutableArray();
            var direct = fields.Select(f => f.Template is null ? null : DirectTemplateBuilder.Build(f.Template, names)).ToImmutableArray();
            var throughScriban = fields.Where((f, i) => f.Template is not null && direct[i] is null);
            return new(fields, direct, TemplateReads.Union(throughScriban.Select(f => TemplateReads.Of(f.Template!))));
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
