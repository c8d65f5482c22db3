using System.Collections.Immutable;
using System.Text.Json;
using TriggerLang.Evaluation;

namespace TriggerLang.Engine.Records;

/// <summary>
/// One input record of LANGUAGE.md §8, validated against the project's schema.
/// <see cref="Time"/> is null for <c>user</c> and <c>follow</c> records that
/// apply from the start. <see cref="Source"/> says where it came from
/// (<c>FILE:LINE</c>, a test step), for messages.
/// </summary>
public abstract record InputRecord(DateTimeOffset? Time, RecordSource Source);

/// <summary>
/// A profile update: attributes merge into the profile key by key, a JSON
/// <c>null</c> removes the key. Subscriptions (per channel) and categories map
/// to true/false, or null to go back to the default (subscribed).
/// </summary>
public sealed record UserInput(
    string UserId,
    DateTimeOffset? Time,
    RecordSource Source,
    ImmutableArray<KeyValuePair<string, JsonElement>> Attributes,
    ImmutableArray<KeyValuePair<string, bool?>> Subscriptions,
    ImmutableArray<KeyValuePair<string, bool?>> Categories) : InputRecord(Time, Source);

/// <summary><paramref name="Follower"/> starts following <paramref name="Followee"/>.</summary>
public sealed record FollowInput(string Follower, string Followee, DateTimeOffset? Time, RecordSource Source) : InputRecord(Time, Source);

/// <summary>An event, already read into the project's typed record (id, user and time set).</summary>
public sealed record EventInput(EventRecord Event, RecordSource Source) : InputRecord(Event.Time, Source)
{
    /// <summary>
    /// The number the reader gave the event's user id: the same for every event of that user in one input, and -1 when
    /// it gave none. The simulator's memory finds the user by it instead of hashing the id a second time.
    /// </summary>
    internal int UserNumber { get; init; } = -1;
}
