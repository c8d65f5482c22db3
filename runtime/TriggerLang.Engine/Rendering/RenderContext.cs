using System.Diagnostics;
using System.Globalization;
using Scriban;
using Scriban.Syntax;

namespace TriggerLang.Engine.Rendering;

/// <summary>
/// Scriban's Liquid context with our limits and our number format. Loop and output limits are
/// Scriban's own; the deadline is checked at every loop step and every write, which is where a
/// template can spend time (filters are bounded by the string limit).
/// </summary>
internal sealed class RenderContext : LiquidTemplateContext
{
    // Liquid has no user functions, so only nested includes/captures could recurse: a small bound is plenty.
    private const int RecursionLimit = 64;

    private readonly long _deadline;

    public RenderContext(RenderLimits limits)
    {
        _deadline = Stopwatch.GetTimestamp() + (long)(limits.Deadline.TotalSeconds * Stopwatch.Frequency);
        LoopLimit = limits.MaxLoopIterations;
        LoopLimitQueryable = limits.MaxLoopIterations;
        RecursiveLimit = RecursionLimit;
        OutputLimit = limits.MaxOutputChars;
        OnOutputLimit = Scriban.ScriptLimitBehavior.Throw;
        // No intermediate string may outgrow the output it could end up in.
        LimitToString = limits.MaxOutputChars;
        OnStringLimit = Scriban.ScriptLimitBehavior.Throw;
        RegexTimeOut = limits.Deadline;
        // Belt and braces: only ScriptObjects reach templates (TemplateValues), and no CLR member is ever visible.
        MemberFilter = static _ => false;
        TemplateLoader = null;
        // Scriban formats with the current culture; a message must read the same on every machine.
        PushCulture(CultureInfo.InvariantCulture);
    }

    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        CheckDeadline();
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
            throw new RenderDeadlineException();
        }
    }
}

/// <summary>Thrown from inside Scriban when the render deadline passes; Scriban wraps it, the renderer finds it.</summary>
internal sealed class RenderDeadlineException() : Exception("the render deadline passed");
