namespace TriggerLang.Engine.Rendering;

/// <summary>
/// What one template may cost (LANGUAGE.md §11): loop iterations (all its loops together),
/// characters of output, and wall-clock time. Past any of them the message fails as <c>render_failed</c>.
/// </summary>
public sealed record RenderLimits(int MaxLoopIterations, int MaxOutputChars, TimeSpan Deadline)
{
    public static RenderLimits Default { get; } = new(10_000, 100 * 1024, TimeSpan.FromSeconds(2));
}
