using System.Globalization;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace TriggerLang.Engine.Rendering;

/// <summary>
/// Scriban's Liquid context with our limits and our number format. Output limits are Scriban's own.
/// Scriban's loop limit counts only within one tree of nested loops, so loops one after another are
/// also counted here (<see cref="RenderBudget"/>, shared with the direct renderer), for a limit per template. The deadline is checked at loop steps and writes,
/// which is where a template can spend time (filters are bounded by the string limit).
/// </summary>
internal sealed class RenderContext : LiquidTemplateContext
{
    // Liquid has no user functions, so only nested includes/captures could recurse: a small bound is plenty.
    private const int RecursionLimit = 64;

    private readonly RenderBudget _budget;
    // The scope a template's `assign` and loop variables go into: emptied after each render, not made anew.
    private readonly ScriptObject _assigned = new();

    public RenderContext(RenderLimits limits)
    {
        _budget = new RenderBudget(limits);
        LoopLimit = limits.MaxLoopIterations;
        LoopLimitQueryable = limits.MaxLoopIterations;
        RecursiveLimit = RecursionLimit;
        OutputLimit = limits.MaxOutputChars;
        OnOutputLimit = Scriban.ScriptLimitBehavior.Throw;
        // No intermediate string may outgrow the output it could end up in.
        LimitToString = limits.MaxOutputChars;
        OnStringLimit = Scriban.ScriptLimitBehavior.Throw;
        // Regex wants a timeout in (0, ~24 days]; any deadline outside that still bounds the render through CheckDeadline.
        RegexTimeOut = TimeSpan.FromTicks(Math.Clamp(limits.Deadline.Ticks, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerDay));
        // Belt and braces: only ScriptObjects reach templates (TemplateValues), and no CLR member is ever visible.
        MemberFilter = static _ => false;
        TemplateLoader = null;
        // Scriban formats with the current culture; a message must read the same on every machine.
        PushCulture(CultureInfo.InvariantCulture);
        PushGlobal(LiquidFilters.Globals);
    }

    /// <summary>
    /// Renders <paramref name="template"/> with <paramref name="globals"/> on top of the builtins and our filters,
    /// with the whole deadline and loop budget. A context is costly to build (Scriban clones its builtin functions
    /// for each), so the renderer reuses one: after a render that returns, the context is as it was (Scriban empties
    /// its output, the globals are popped). After one that throws it may not be: the caller then drops it.
    /// The fields of one message share <paramref name="globals"/>: a template's <c>assign</c> goes into a scope of
    /// its own on top, emptied after the render, so it cannot leak into the next field.
    /// </summary>
    public string Render(Template template, ScriptObject globals)
    {
        _budget.Start();
        PushGlobal(globals);
        PushGlobal(_assigned);
        var text = template.Render(this);
        PopGlobal();
        PopGlobal();
        _assigned.Clear();
        return text;
    }

    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        _budget.StepLoop();
        return base.OnStepLoop(loop);
    }

    public override TemplateContext Write(Scriban.Parsing.SourceSpan span, object? textAsObject)
    {
        _budget.CheckDeadline();
        return base.Write(span, textAsObject);
    }

    public override string? ObjectToString(object? value, bool nested = false) => value switch
    {
        decimal number => TemplateValues.Normalize(number).ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        _ => base.ObjectToString(value, nested),
    };
}
