namespace TriggerLang.Bench.Generation;

/// <summary>The literal-valued clauses of a rule: delays, windows, caps, active ranges, digests (LANGUAGE.md §3).</summary>
internal sealed class ClauseText(Random random)
{
    private static readonly string[] Durations = ["15m", "30m", "45m", "1h", "2h", "1h30m", "4h", "12h", "1d", "2d", "3d", "1w"];
    private static readonly string[] Zones = ["", " local", " local", " utc", " \"Europe/Paris\"", " \"America/New_York\"", " \"Asia/Tokyo\"", " \"Australia/Sydney\""];
    private static readonly (string Start, string End)[] Windows =
        [("09:00", "21:00"), ("08:00", "20:00"), ("10:00", "18:00"), ("22:00", "06:00"), ("07:30", "22:30"), ("12:00", "14:00")];
    private static readonly string[] Weekdays = ["", "", "", " mon-fri", " sat, sun", " mon, wed, fri", " fri-mon"];
    private static readonly string[] Categories = ["marketing", "onboarding", "social", "billing", "product_updates", "reminders"];

    public string Duration() => random.Pick(Durations);

    public string Delay() => random.Next(6) switch
    {
        0 => "delay until 10:00 local",
        1 => "delay until 09:30 \"America/New_York\"",
        2 => "delay until 8:00",
        _ => $"delay {Duration()}",
    };

    public string Window()
    {
        var (start, end) = random.Pick(Windows);
        var drop = random.Chance(0.15) ? " else drop" : "";
        return $"window {start}-{end}{random.Pick(Zones)}{random.Pick(Weekdays)}{drop}";
    }

    public string Cap() => $"cap {random.Next(1, 6)}/{random.Pick(["day", "day", "week", "hour", "12h", "7d"])}";

    public string Active() => random.Next(4) switch
    {
        0 => "active 2026-12-01 .. 2027-01-01",
        1 => "active 2026-11-01T00:00Z ..",
        2 => "active .. 2027-06-30T23:59+02:00",
        _ => "active 2026-01-15T08:00:00Z .. 2026-12-31",
    };

    public string Category() => $"category {random.Pick(Categories)}";

    public string Digest() => random.Next(4) switch
    {
        0 => "digest daily at 18:00 local max 20",
        1 => "digest weekly on mon at 09:00 local max 10",
        2 => "digest weekly at 08:30 \"Europe/Berlin\"",
        _ => "digest daily at 19:00 utc",
    };

    /// <summary>An optional trailing comment, as people write them after a clause.</summary>
    public string Trailing(string note) => random.Chance(0.2) ? $"   // {note}" : "";
}
