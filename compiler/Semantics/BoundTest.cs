using System.Collections.Immutable;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Semantics;

/// <summary>
/// A checked <c>test</c> block (LANGUAGE.md §10). Steps carry their virtual
/// time: a user step without <c>at</c> applies from the start; events and
/// follows without <c>at</c> happen at the time of the step before them.
/// Values are plain CLR values: decimal, string, bool, TimeSpan, null, or an
/// immutable array of those.
/// </summary>
public sealed record BoundTest(string Name, Location Location, ImmutableArray<TestStep> Steps);

public abstract record TestStep(DateTimeOffset? At, TestStatementSyntax Syntax);

public sealed record UserStep(
    DateTimeOffset? At, TestStatementSyntax Syntax, string UserId,
    ImmutableDictionary<string, object?> Attributes,
    ImmutableDictionary<string, bool> Subscriptions,
    ImmutableDictionary<string, bool> Categories) : TestStep(At, Syntax);

public sealed record EventStep(DateTimeOffset? At, TestStatementSyntax Syntax, EventSymbol Event, string UserId, ImmutableDictionary<string, object?> Properties)
    : TestStep(At, Syntax);

public sealed record FollowStep(DateTimeOffset? At, TestStatementSyntax Syntax, string Follower, string Followee) : TestStep(At, Syntax);

/// <summary><c>expect</c>: <see cref="IsNone"/> for <c>expect no RULE to U</c>; otherwise a status, its reason, and optional time, channel and fields.</summary>
public sealed record ExpectStep(
    DateTimeOffset? At, TestStatementSyntax Syntax, bool IsNone, string Rule, string? Status, string? Reason, string UserId, string? Channel,
    ImmutableDictionary<string, string> Fields) : TestStep(At, Syntax);
