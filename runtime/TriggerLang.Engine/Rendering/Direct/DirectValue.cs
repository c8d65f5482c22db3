using Scriban.Parsing;
using Scriban.Syntax;

namespace TriggerLang.Engine.Rendering.Direct;

/// <summary>
/// A value a template reads, as the record holds it (boxed; absent is null): strings, decimals, booleans, timestamps and
/// durations, and a digest's count as an <see cref="int"/>. What Scriban would see instead (normalised decimals, the
/// text of times) only matters where the value is printed, compared or computed with, and is applied there.
/// </summary>
internal abstract class DirectValue
{
    public abstract object? Read(DirectRender render);
}

internal sealed class UserAttribute(int index) : DirectValue
{
    public override object? Read(DirectRender render) => render.Scope.User.GetAttribute(index);
}

internal sealed class TriggerField(int index) : DirectValue
{
    public override object? Read(DirectRender render) => render.Scope.Trigger.GetField(index);
}

/// <summary>A field of the digest event that the enclosing loop at <paramref name="depth"/> is on.</summary>
internal sealed class LoopEventField(int depth, int index) : DirectValue
{
    public override object? Read(DirectRender render) => render.LoopItem(depth).GetField(index);
}

/// <summary>The rule's name or title, fixed for the template.</summary>
internal sealed class Constant(object? value) : DirectValue
{
    public override object? Read(DirectRender render) => value;
}

/// <summary>A digest's <c>count</c>: the total, or the events' number; undefined outside a digest (TemplateValues.Globals).</summary>
internal sealed class DigestCount : DirectValue
{
    // Counts boxed once: a digest template reads its count for every message, and a box each time showed in profiles.
    private static readonly object[] Boxed = [.. Enumerable.Range(0, 1024).Select(count => (object)count)];

    public override object? Read(DirectRender render) =>
        render.Scope.DigestEvents is { } events ? Box(render.Scope.Count ?? events.Count) : null;

    private static object Box(int count) => (uint)count < (uint)Boxed.Length ? Boxed[count] : count;
}

/// <summary>Liquid's <c>default</c> as Scriban has it: only absent and the empty string are replaced (false stays false).</summary>
internal sealed class Defaulted(DirectValue value, object fallback) : DirectValue
{
    public override object? Read(DirectRender render)
    {
        var read = value.Read(render);
        return read is null or "" ? fallback : read;
    }
}

/// <summary>
/// <c>plus: n</c> and <c>minus: n</c> (as <c>plus: -n</c>) on a number, with an integer literal: absent stays absent,
/// a decimal stays a decimal, an integer widens to <see cref="long"/> as Scriban's does. A decimal overflow fails as
/// Scriban words it, at the filter's place in the template.
/// </summary>
internal sealed class Shifted(DirectValue value, long amount, SourceSpan filter) : DirectValue
{
    public override object? Read(DirectRender render)
    {
        switch (value.Read(render))
        {
            case null:
                return null;
            case decimal number:
                try
                {
                    return TemplateValues.Normalize(number) + amount;
                }
                catch (OverflowException overflow)
                {
                    throw new ScriptRuntimeException(filter, overflow.Message);
                }
            case int number:
                return number + amount;
            case long number:
                return number + amount;
            default:
                throw new InvalidOperationException($"{value} is not a number"); // the builder lets only numbers through
        }
    }
}
