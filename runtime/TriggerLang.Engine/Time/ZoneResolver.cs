using NodaTime;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Engine.Decision;

namespace TriggerLang.Engine.Time;

/// <summary>
/// Which zone a clause's times are read in (LANGUAGE.md §3, §11): <c>local</c> is the user's <c>timezone</c> when it
/// is a known IANA id, else <c>settings.timezone</c>, else UTC. Ids come from NodaTime's embedded tz database, never
/// the host's, so a zone resolves alike on every machine; they match exactly, as in the compiler, because a
/// silently accepted misspelling would hide the profile data that needs fixing (the warning suggests the right id).
/// </summary>
public sealed class ZoneResolver
{
    private const string Utc = "UTC";

    private readonly DateTimeZone _fallback;
    private readonly string _fallbackSource;
    private readonly RecipientZone _fallbackZone;
    // Every trigger asks for its recipient's zone: one object per known zone id, not one per ask. Unknown ids are not
    // kept (profile data could hold any number of them), and neither is their warning, which is rare.
    private readonly Dictionary<string, RecipientZone> _known = new(StringComparer.Ordinal);

    /// <param name="settingsTimeZone"><c>settings.timezone</c>, <c>"UTC"</c> when the project has none. The compiler
    /// rejects an unknown one; should one get here anyway, UTC is used.</param>
    public ZoneResolver(string settingsTimeZone)
    {
        _fallback = DateTimeZoneProviders.Tzdb.GetZoneOrNull(settingsTimeZone) ?? DateTimeZone.Utc;
        _fallbackSource = _fallback.Id == Utc ? Utc : $"{_fallback.Id} (settings.timezone)";
        _fallbackZone = new RecipientZone(_fallback, null);
    }

    /// <summary>
    /// The recipient's zone, as <see cref="ForRecipient(string?)"/> gives it for their <c>timezone</c>, kept with the
    /// profile until that attribute changes: every trigger asks, and the id was checked and looked up by its text each time.
    /// </summary>
    public RecipientZone ForProfile(Profile profile)
    {
        var timezone = profile.User.Timezone;
        if (profile.ResolvedZone is { } known && ReferenceEquals(known.Resolver, this) && ReferenceEquals(known.Timezone, timezone))
        {
            return known.Zone;
        }
        var zone = ForRecipient(timezone);
        // A warning is given on every ask (the host keeps each once): such a zone is not kept.
        profile.ResolvedZone = zone.Warning is null ? (this, timezone, zone) : null;
        return zone;
    }

    /// <summary>
    /// The recipient's zone. A missing or blank <c>timezone</c> is no mistake and gives no warning; an unknown one
    /// falls back with a warning. Never throws: bad profile data must not stop a send.
    /// </summary>
    public RecipientZone ForRecipient(string? userTimezone)
    {
        if (string.IsNullOrWhiteSpace(userTimezone))
        {
            return _fallbackZone;
        }
        if (_known.TryGetValue(userTimezone, out var known))
        {
            return known;
        }
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(userTimezone) is { } zone)
        {
            return _known[userTimezone] = new RecipientZone(zone, null);
        }
        var hint = TimeZones.Suggest(userTimezone) is { } suggestion ? $" (did you mean \"{suggestion}\"?)" : "";
        return new RecipientZone(_fallback, $"unknown time zone \"{userTimezone}\" of user{hint}; using {_fallbackSource}");
    }

    /// <summary>The zone of a clause. A named zone was checked by the compiler, so an unknown one here is a bug and throws.</summary>
    public DateTimeZone For(ZoneSpec spec, RecipientZone recipient) => For(spec, recipient.Zone);

    /// <summary>The zone of a clause, <paramref name="local"/> being the recipient's zone.</summary>
    public DateTimeZone For(ZoneSpec spec, DateTimeZone local) => spec.Kind switch
    {
        ZoneKind.Local => local,
        ZoneKind.Utc => DateTimeZone.Utc,
        _ => DateTimeZoneProviders.Tzdb[spec.Name!],
    };
}
