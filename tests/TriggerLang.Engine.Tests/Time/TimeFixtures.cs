using System.Globalization;
using NodaTime;
using TriggerLang.Compiler.Semantics;

namespace TriggerLang.Engine.Tests.Time;

/// <summary>
/// The vocabulary of the time tests: real zones, instants written with the offset the wall clock shows there
/// (so a test reads like the clock on the recipient's wall), and windows written as in a rule.
/// </summary>
internal static class TimeFixtures
{
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    public static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    /// <summary>Moves its clocks by 30 minutes: +10:30 in winter, +11 in summer (southern hemisphere).</summary>
    public static readonly DateTimeZone LordHowe = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"];
    public static readonly DateTimeZone Kolkata = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];
    /// <summary>+14 all year: its local date is a day ahead of UTC's for most of the day.</summary>
    public static readonly DateTimeZone Kiritimati = DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"];

    /// <summary>An instant, e.g. <c>"2026-03-08T03:00-04:00"</c>.</summary>
    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static TimeOnly Hm(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);

    public static LocalDateTime Local(string iso) =>
        LocalDateTime.FromDateTime(DateTime.ParseExact(iso, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));

    /// <summary>A <c>local</c> window, e.g. <c>Window("22:00-06:00", DayOfWeek.Friday, DayOfWeek.Saturday)</c>.</summary>
    public static WindowSpec Window(string span, params DayOfWeek[] days)
    {
        var parts = span.Split('-');
        return new WindowSpec(Hm(parts[0]), Hm(parts[1]), ZoneSpec.Local, [.. days], ElseDrop: false);
    }

    /// <summary>Equality of instants that also requires the UTC offset the API promises at its edges.</summary>
    public static void AssertInstant(DateTimeOffset expected, DateTimeOffset actual)
    {
        Assert.Equal(expected.UtcDateTime, actual.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, actual.Offset);
    }
}
