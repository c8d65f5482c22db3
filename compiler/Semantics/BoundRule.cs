using System.Collections.Immutable;
using TriggerLang.Compiler.Binding;
using TriggerLang.Compiler.Channels;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Semantics;

/// <summary>
/// A rule after binding and checking: every clause resolved to symbols and
/// values, every expression typed. This is what the back end compiles and the
/// decision engine runs. Parts with errors are null; a rule with errors is
/// never run.
/// </summary>
public sealed record BoundRule(
    string Name,
    string? Title,
    bool IsAnonymous,
    Location Location,
    RuleDeclarationSyntax Syntax,
    EventSymbol? Trigger,
    string? TriggerAlias,
    BoundExpression? Where,
    BoundAudience Audience,
    DelaySpec? Delay,
    ImmutableArray<BoundUnless> Unless,
    WindowSpec? Window,
    RateSpec? Cap,
    DateTimeOffset? ActiveFrom,
    DateTimeOffset? ActiveUntil,
    Reeligibility Reeligibility,
    string? Category,
    bool IsTransactional,
    DigestSpec? Digest,
    BoundGoal? Goal,
    ImmutableArray<BoundSend> Sends);

public enum AudienceKind
{
    /// <summary>The event's user (the default).</summary>
    EventUser,
    /// <summary><c>to followers(field)</c>: everyone following that user, without that user.</summary>
    Followers,
    /// <summary><c>to field</c>: the user named by a user-typed expression.</summary>
    User,
}

public sealed record BoundAudience(AudienceKind Kind, BoundExpression? Expression)
{
    public static BoundAudience EventUser { get; } = new(AudienceKind.EventUser, null);
}

/// <summary>A zone: the recipient's (<c>local</c>), UTC, or a named IANA zone.</summary>
public sealed record ZoneSpec(ZoneKind Kind, string? Name)
{
    public static ZoneSpec Local { get; } = new(ZoneKind.Local, null);

    public override string ToString() => Kind switch
    {
        ZoneKind.Local => "local",
        ZoneKind.Utc => "utc",
        _ => $"\"{Name}\"",
    };
}

/// <summary><c>delay D</c> (<see cref="Duration"/>) or <c>delay until HH:MM zone</c> (<see cref="Until"/>).</summary>
public sealed record DelaySpec(TimeSpan? Duration, TimeOnly? Until, ZoneSpec Zone);

public sealed record BoundUnless(EventSymbol Event, string? Alias, BoundExpression? Where, TimeSpan? Within, UnlessClauseSyntax Syntax);

/// <summary><c>window</c>: [Start, End) local times, crossing midnight when End ≤ Start; <see cref="Days"/> empty means every day.</summary>
public sealed record WindowSpec(TimeOnly Start, TimeOnly End, ZoneSpec Zone, ImmutableArray<DayOfWeek> Days, bool ElseDrop);

public sealed record RateSpec(int Count, TimeSpan Period);

public enum ReeligibilityKind
{
    Always,
    Once,
    After,
}

public sealed record Reeligibility(ReeligibilityKind Kind, TimeSpan? After)
{
    public static Reeligibility Always { get; } = new(ReeligibilityKind.Always, null);
}

public sealed record DigestSpec(bool Weekly, DayOfWeek Day, TimeOnly At, ZoneSpec Zone, int? Max);

public sealed record BoundGoal(EventSymbol Event, string? Alias, BoundExpression? Where, TimeSpan Within);

/// <summary>One channel of a send chain (the first, then each <c>else send</c> fallback).</summary>
public sealed record BoundSend(ChannelDefinition Channel, ImmutableArray<BoundTemplate> Fields);

/// <summary>The Liquid template of one field; <see cref="FilePath"/> is set for <c>template "path"</c> (resolved to a full path).</summary>
public sealed record BoundTemplate(string Field, string Text, string? FilePath);
