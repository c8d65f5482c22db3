namespace TriggerLang.Engine.Tests;

/// <summary>Times go out as UTC ISO-8601 with <c>Z</c>, fractional seconds only when non-zero (§8), as a string or into a buffer alike.</summary>
public sealed class IsoTimeTests
{
    [Theory]
    [InlineData("2026-12-01T09:05:07+02:00", "2026-12-01T07:05:07Z")]
    [InlineData("0987-01-02T03:04:05Z", "0987-01-02T03:04:05Z")]
    [InlineData("2026-12-01T07:05:07.5Z", "2026-12-01T07:05:07.5Z")]
    [InlineData("2026-12-01T07:05:07.1234567Z", "2026-12-01T07:05:07.1234567Z")]
    public void A_time_is_written_in_utc_with_fractions_only_when_present(string time, string expected)
    {
        var value = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
        Span<char> buffer = stackalloc char[IsoTime.MaxLength];

        Assert.Equal(expected, IsoTime.Format(value));
        Assert.Equal(expected, new string(buffer[..IsoTime.Format(value, buffer)]));
    }
}
