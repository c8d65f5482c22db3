// TEMPORARY: replaced by the time4 branch on merge.
using NodaTime;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Semantics;
namespace TriggerLang.Engine.Time;
public sealed record RecipientZone(DateTimeZone Zone, string? Warning);
public sealed class ZoneResolver(string settingsTimeZone)
{
    public RecipientZone ForRecipient(string? userTimezone) => new(DateTimeZoneProviders.Tzdb[userTimezone ?? settingsTimeZone], null);
    public DateTimeZone For(ZoneSpec spec, RecipientZone recipient) => spec.Kind switch { ZoneKind.Local => recipient.Zone, ZoneKind.Utc => DateTimeZone.Utc, _ => DateTimeZoneProviders.Tzdb[spec.Name!] };
}
public static class WallClock
{
    public static DateTimeOffset NextAt(DateTimeOffset from, TimeOnly at, DateTimeZone zone) => throw new NotImplementedException();
    public static DateTimeOffset NextDigest(DateTimeOffset from, DigestSpec spec, DateTimeZone zone) => throw new NotImplementedException();
}
public static class Windows
{
    public static bool Contains(WindowSpec window, DateTimeZone zone, DateTimeOffset instant) => throw new NotImplementedException();
    public static DateTimeOffset Defer(WindowSpec window, DateTimeZone zone, DateTimeOffset sendTime) => throw new NotImplementedException();
}
