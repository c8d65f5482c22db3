namespace TriggerLang.Compiler.Packs;

/// <summary>
/// One rule of a pack with all its clauses, in execution order. Expressions
/// are kept as their source text: the compiled form is in the assembly, the
/// text is for humans and diffs. Absent clauses are null.
/// </summary>
public sealed record ManifestRule(
    string Name,
    string? Title,
    bool Anonymous,
    string File,
    int Line,
    string Trigger,
    string? Alias,
    string? Where,
    ManifestAudience Audience,
    ManifestDelay? Delay,
    IReadOnlyList<ManifestUnless> Unless,
    ManifestWindow? Window,
    ManifestRate? Cap,
    ManifestActive? Active,
    ManifestReeligibility Reeligibility,
    string? Category,
    bool Transactional,
    ManifestDigest? Digest,
    ManifestGoal? Goal,
    IReadOnlyList<ManifestSend> Sends);

/// <summary><see cref="Kind"/> is <c>eventUser</c>, <c>followers</c> or <c>user</c>; <see cref="Expression"/> the text after <c>to</c>.</summary>
public sealed record ManifestAudience(string Kind, string? Expression);

/// <summary><c>delay D</c> (<see cref="Duration"/>) or <c>delay until HH:MM zone</c> (<see cref="Until"/>).</summary>
public sealed record ManifestDelay(string? Duration, string? Until, string Zone);

public sealed record ManifestUnless(string Event, string? Alias, string? Where, string? Within);

/// <summary>[Start, End) local times; <see cref="Days"/> empty means every day.</summary>
public sealed record ManifestWindow(string Start, string End, string Zone, IReadOnlyList<string> Days, bool ElseDrop);

public sealed record ManifestRate(int Count, string Period);

public sealed record ManifestActive(DateTimeOffset? From, DateTimeOffset? Until);

/// <summary><see cref="Kind"/> is <c>always</c>, <c>once</c> or <c>after</c> (with <see cref="After"/>).</summary>
public sealed record ManifestReeligibility(string Kind, string? After);

/// <summary><see cref="Day"/> is set for weekly digests only.</summary>
public sealed record ManifestDigest(string Frequency, string? Day, string At, string Zone, int? Max);

public sealed record ManifestGoal(string Event, string? Alias, string? Where, string Within);

/// <summary>One channel of a send chain: the first, then each <c>else send</c> fallback.</summary>
public sealed record ManifestSend(string Channel, IReadOnlyList<ManifestTemplate> Fields);

/// <summary>A field's Liquid text; <see cref="TemplateFile"/> is the relative path for <c>template "path"</c>.</summary>
public sealed record ManifestTemplate(string Field, string Text, string? TemplateFile);
