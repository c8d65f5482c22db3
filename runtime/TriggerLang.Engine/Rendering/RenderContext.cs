using System.Diagnostics;
using System.Globalization;
using Scriban;
using Scriban.Syntax;

namespace TriggerLang.Engine.Rendering;

/// <summary>
/// Scriban's Liquid context with our limits and our number format. Output limits are Scriban's own.
/// Scriban's loop limit counts only within one tree of nested loops, so loops one after another are
/// also counted here, for a limit per template. The deadline is checked at every loop step and every
/// write, which is where a template can spend time (filters are bounded by the string limit).
/// </summary>
internal sealed class RenderContext : LiquidTemplateContext
{
    // Liquid has no user functions, so only nested includes/captures could recurse: a small bound is plenty.
    private const int RecursionLimit = 64;

    private readonly RenderLimits _limits;
    private readonly long _deadline;
    private long _iterations;

    public RenderContext(RenderLimits limits)
    {
        _limits = limits;
        _deadline = Stopwatch.GetTimestamp() + (long)(limits.Deadline.TotalSeconds * Stopwatch.Frequency);
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
    }

    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        CheckDeadline();
        if (++_iterations > _limits.MaxLoopIterations)
        {
            throw new RenderLimitException(RenderFailures.Loops(_limits));
        }
        return base.OnStepLoop(loop);
    }

    public override TemplateContext Write(Scriban.Parsing.SourceSpan span, object? textAsObject)
    {
        CheckDeadline();
        return base.Write(span, textAsObject);
    }

    public override string? ObjectToString(object? value, bool nested = false) => value switch
    {
        decimal number => TemplateValues.Normalize(number).ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        _ => base.ObjectToString(value, nested),
    };

    private void CheckDeadline()
    {
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new RenderLimitException(RenderFailures.Deadline(_limits));
        }
    }
}
