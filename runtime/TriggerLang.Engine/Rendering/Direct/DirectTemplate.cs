namespace TriggerLang.Engine.Rendering.Direct;

/// <summary>
/// A template of the common Liquid subset, translated for one rule (<see cref="DirectTemplateBuilder"/>): it renders
/// straight from the typed records, with no Scriban context and no per-message globals, to the same text Scriban
/// would give. <see cref="LoopDepth"/> is how deeply its <c>for</c> loops nest.
/// </summary>
internal sealed class DirectTemplate(DirectNode[] body, int loopDepth)
{
    public DirectNode[] Body { get; } = body;

    public int LoopDepth { get; } = loopDepth;
}
