namespace TriggerLang.Compiler.Tests.Interpretation;

/// <summary>The schema of the differential tests: one event with a field of every type, required and optional, and a user of every scalar type.</summary>
internal static class ProbeSchema
{
    public const string Event = "probe";

    public const string Source = """
        event probe {
          i: int, d: decimal, m: money, s: string, b: bool, t: timestamp, du: duration, u: user, li: list<int>, ls: list<string>
          oi: int?, od: decimal?, om: money?, os: string?, ob: bool?, ot: timestamp?, odu: duration?, ou: user?, oli: list<int>?, ols: list<string>?
        }
        user { tier: string?, score: int?, balance: decimal?, vip: bool?, since: timestamp? }
        """;

    /// <summary>The index of the required timestamp <c>t</c> among the event's fields.</summary>
    public const int TimestampField = 5;

    /// <summary>The evaluation time of the payloads (their trigger time) and the centre of their timestamps.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
}
