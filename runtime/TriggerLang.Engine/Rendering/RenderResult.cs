using System.Collections.Immutable;

namespace TriggerLang.Engine.Rendering;

/// <summary>The rendered fields in the send's order, or, when a template failed, which one and why. A value: one is made for every message rendered.</summary>
public readonly record struct RenderResult(ImmutableArray<KeyValuePair<string, string>> Fields, string? Failure)
{
    public bool Succeeded => Failure is null;

    public static RenderResult Failed(string failure) => new([], failure);
}
