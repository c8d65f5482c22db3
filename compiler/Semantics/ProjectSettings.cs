namespace TriggerLang.Compiler.Semantics;

/// <summary>
/// The <c>settings { … }</c> of a project. <see cref="TimeZone"/> is the
/// fallback zone for recipients without a valid one (UTC when not set).
/// </summary>
public sealed record ProjectSettings(string TimeZone)
{
    public static ProjectSettings Default { get; } = new("UTC");
}

/// <summary>A global cap from <c>limits { … }</c>: per recipient, all channels together when <see cref="Channel"/> is null.</summary>
public sealed record GlobalLimit(string? Channel, int Count, TimeSpan Period);
