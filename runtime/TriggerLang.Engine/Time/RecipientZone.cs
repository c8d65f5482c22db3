using NodaTime;

namespace TriggerLang.Engine.Time;

/// <summary>
/// The zone that <c>local</c> means for one recipient (LANGUAGE.md §11). <see cref="Warning"/> says why the
/// user's own <c>timezone</c> was not used when it was set but unknown; null otherwise.
/// </summary>
public sealed record RecipientZone(DateTimeZone Zone, string? Warning);
