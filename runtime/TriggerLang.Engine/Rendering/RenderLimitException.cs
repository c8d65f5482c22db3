namespace TriggerLang.Engine.Rendering;

/// <summary>Thrown from inside Scriban when a limit of ours is reached; Scriban wraps it, the renderer finds it.</summary>
internal sealed class RenderLimitException(string failure) : Exception(failure);
