using NodaTime;
using TriggerLang.Compiler.Semantics;
using TriggerLang.Compiler.Syntax;

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

    /// <param name="settingsTimeZone"><c>settings.timezone</c>, <c>"UTC"</c> when the project has none. The compiler
    /// rejects an unknown one; should one get here anyway, UTC is used.</param>
    public ZoneResolver(string settingsTimeZone)
    {
        _fallback = DateTimeZoneProviders.Tzdb.GetZoneOrNull(settingsTimeZone) ?? DateTimeZone.Utc;
        _fallbackSource = _fallback.Id == Utc ? Utc : $"{_fallback.Id} (settings.timezone)";
    }

    /// <summary>
    /// The recipient's zone. A missing or blank <c>timezone</c> is no mistake and gives no warning; an unknown one
    /// falls back with a warning. Never throws: bad profile data must not stop a send.
    /// </summary>
    public RecipientZone ForRecipient(string? userTimezone)
    {
        if (string.IsNullOrWhiteSpace(userTimezone))
        {
            return new RecipientZone(_fallback, null);
        }
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(userTimezone) is { } zone)
        {
            return new RecipientZone(zone, null);
        }
        var hint = TimeZones.Suggest(userTimezone) is { } suggestion ? $" (did you mean \"{suggestion}\"?)" : "";
        return new RecipientZone(_fallback, $"unknown time zone \"{userTimezone}\" of user{hint}; using {_fallbackSource}");
    }

    /// <summary>The zone of a clause. A named zone was checked by the compiler, so an unknown one here is a bug and throws.</summary>
    public DateTimeZone For(ZoneSpec spec, RecipientZone recipient) => spec.Kind switch
    {
        ZoneKind.Local => recipient.Zone,
        ZoneKind.Utc => DateTimeZone.Utc,
        _ => DateTimeZoneProviders.Tzdb[spec.Name!],
    };
}
