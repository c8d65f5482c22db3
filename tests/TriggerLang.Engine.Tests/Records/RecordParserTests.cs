using System.Text.Json;
using TriggerLang.Engine.Records;
using static TriggerLang.Engine.Tests.Records.RecordsProject;

namespace TriggerLang.Engine.Tests.Records;

/// <summary>Each record kind of LANGUAGE.md §8, and each way a record can be wrong, named by its field.</summary>
public class RecordParserTests
{
    [Fact]
    public void An_event_becomes_the_projects_typed_record()
    {
        var input = Assert.IsType<EventInput>(Parse("""
            {"type":"event","id":"e1","name":"cart_abandoned","user":"u1","time":"2026-12-01T16:00:00+01:00",
             "properties":{"cart_id":"c9","total":150.50,"items":2,"coupon":"unknown extras are ignored"}}
            """));

        Assert.Equal(("e1", "u1", "cart_abandoned"), (input.Event.Id, input.Event.UserId, input.Event.Name));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero), input.Time);
        Assert.Equal(TimeSpan.Zero, input.Event.Time.Offset);
        Assert.Equal(["c9", 150.50m, 2m, null], Enumerable.Range(0, 4).Select(input.Event.GetField));
        Assert.Equal("test", input.Source);
    }

    [Fact]
    public void A_duration_in_seconds_may_be_as_long_as_a_timespan_holds()
    {
        var input = Assert.IsType<EventInput>(Parse("""
            {"type":"event","id":"e1","name":"reminder_set","user":"u1","time":"2026-12-01T09:00:00Z","properties":{"wait":922337203685}}
            """));

        Assert.Equal(TimeSpan.FromSeconds(922_337_203_685d), input.Event.GetField(0)); // read as a double, as every number of seconds is
    }

    [Fact]
    public void A_user_keeps_its_attributes_as_json_with_nulls_so_that_merging_can_remove_keys()
    {
        var input = Assert.IsType<UserInput>(Parse("""
            {"type":"user","id":"u1","attributes":{"email":"a@example.com","country":null,"nickname":"kept, ignored later"},
             "subscriptions":{"email":true,"push":false,"sms":null},"categories":{"marketing":false}}
            """));

        Assert.Equal("u1", input.UserId);
        Assert.Null(input.Time);
        Assert.Equal(["email", "country", "nickname"], input.Attributes.Select(a => a.Key));
        Assert.Equal(JsonValueKind.Null, input.Attributes[1].Value.ValueKind);
        Assert.Equal("a@example.com", input.Attributes[0].Value.GetString());
        Assert.Equal([("email", true), ("push", false), ("sms", (bool?)null)], input.Subscriptions.Select(s => (s.Key, s.Value)));
        Assert.Equal([("marketing", (bool?)false)], input.Categories.Select(s => (s.Key, s.Value)));
    }

    [Fact]
    public void A_user_with_a_time_applies_from_then()
    {
        var input = Assert.IsType<UserInput>(Parse("""{"type":"user","id":"u1","time":"2026-12-01T09:00:00Z"}"""));

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), input.Time);
        Assert.Empty(input.Attributes);
        Assert.Empty(input.Subscriptions);
    }

    [Theory]
    [InlineData("""{"type":"follow","follower":"u2","followee":"u1","time":"2026-12-01T09:00:00Z"}""", true)]
    [InlineData("""{"type":"follow","follower":"u2","followee":"u1"}""", false)]
    public void A_follow_names_both_users(string json, bool timed)
    {
        var input = Assert.IsType<FollowInput>(Parse(json));

        Assert.Equal(("u2", "u1"), (input.Follower, input.Followee));
        Assert.Equal(timed, input.Time is not null);
    }

    [Theory]
    [InlineData("2026-12-01T09:00:00Z")]
    [InlineData("2026-12-01T09:00:00.5Z")]
    [InlineData("2026-12-01T09:00:00.123Z")]
    [InlineData("2026-12-01T09:00:00.0000001Z")]
    [InlineData("2026-12-01T23:59:59.9999999Z")]
    [InlineData("2028-02-29T00:00:00.25Z")]
    [InlineData("2026-12-01T10:00:00.123+01:00")]
    public void A_time_with_or_without_a_fraction_of_a_second_is_read_exactly(string time)
    {
        var input = Parse($$"""{"type":"user","id":"u1","time":"{{time}}"}""");

        Assert.Equal(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime(), input.Time);
    }

    [Theory]
    [InlineData("2026-12-01T09:00:00.Z")]
    [InlineData("2026-12-01T09:00:00.12345678Z")]
    [InlineData("2026-02-30T09:00:00.5Z")]
    [InlineData("2026-12-01T09:00:00,5Z")]
    [InlineData("2026-12-01T09:00:00.5")]
    public void A_malformed_time_with_a_fraction_is_refused(string time)
    {
        var error = Assert.Throws<InputException>(() => Parse($$"""{"type":"user","id":"u1","time":"{{time}}"}"""));

        Assert.Equal("time", error.Field);
    }

    [Theory]
    [InlineData("[1]", "", "a record must be a JSON object, got a list")]
    [InlineData("""{"id":"u1"}""", "type", "is missing: every record needs \"type\": \"event\", \"user\" or \"follow\"")]
    [InlineData("""{"type":"profile","id":"u1"}""", "type", "unknown record type \"profile\"; expected \"event\", \"user\" or \"follow\"")]
    [InlineData("""{"type":"user"}""", "id", "is required but missing or null")]
    [InlineData("""{"type":"user","id":7}""", "id", "expected a non-empty string, got the number 7")]
    [InlineData("""{"type":"user","id":""}""", "id", "expected a non-empty string, got the string \"\"")]
    [InlineData("""{"type":"event","name":"purchase","user":"u1","time":"2026-12-01T09:00:00Z"}""", "id", "is required but missing or null")]
    [InlineData("""{"type":"event","id":"e1","name":"purchase","time":"2026-12-01T09:00:00Z"}""", "user", "is required but missing or null")]
    [InlineData("""{"type":"event","id":"e1","name":"purchase","user":"u1"}""", "time", "is required but missing or null")]
    [InlineData("""{"type":"event","id":"e1","name":"purchase","user":"u1","time":"2026-12-01T09:00:00"}""", "time",
        "expected an ISO-8601 time with an offset, such as \"2026-12-01T15:00:00Z\" or \"2026-12-01T16:00:00+01:00\", got the string \"2026-12-01T09:00:00\"")]
    [InlineData("""{"type":"follow","follower":"u2","followee":"u1","time":1764579600}""", "time",
        "expected an ISO-8601 time with an offset, such as \"2026-12-01T15:00:00Z\" or \"2026-12-01T16:00:00+01:00\", got the number 1764579600")]
    [InlineData("""{"type":"event","id":"e1","name":"purchse","user":"u1","time":"2026-12-01T09:00:00Z"}""", "name",
        "the project declares no event \"purchse\" (did you mean \"purchase\"?)")]
    [InlineData("""{"type":"event","id":"e1","name":"refund","user":"u1","time":"2026-12-01T09:00:00Z"}""", "name", "the project declares no event \"refund\"")]
    [InlineData("""{"type":"event","id":"e1","name":"purchase","user":"u1","time":"2026-12-01T09:00:00Z","properties":{"order_id":"o1","total":"12"}}""",
        "properties.total", "expected a number, got the string \"12\"")]
    [InlineData("""{"type":"event","id":"e1","name":"purchase","user":"u1","time":"2026-12-01T09:00:00Z","properties":{"total":12}}""",
        "properties.order_id", "is required by the schema but missing or null")]
    [InlineData("""{"type":"event","id":"e1","name":"purchase","user":"u1","time":"2026-12-01T09:00:00Z"}""",
        "properties.order_id", "is required by the schema but missing or null")]
    [InlineData("""{"type":"event","id":"e1","name":"purchase","user":"u1","time":"2026-12-01T09:00:00Z","properties":[]}""",
        "properties", "expected an object of the event's fields, got a list")]
    [InlineData("""{"type":"event","id":"e1","name":"purchase","user":"u1","time":"2026-12-01T09:00:00Z","properties":{"order_id":"o1","total":1e400}}""",
        "properties.total", "expected a number, got the number 1e400")]
    [InlineData("""{"type":"event","id":"e1","name":"reminder_set","user":"u1","time":"2026-12-01T09:00:00Z","properties":{"wait":950000000000}}""",
        "properties.wait", "expected a duration: seconds, or a string such as \"30m\", got the number 950000000000")] // past TimeSpan: was a crash
    [InlineData("""{"type":"user","id":"u1","attributes":{"vip":"yes"}}""", "attributes.vip", "expected true or false, got the string \"yes\"")]
    [InlineData("""{"type":"user","id":"u1","attributes":[]}""", "attributes", "expected an object, got a list")]
    [InlineData("""{"type":"user","id":"u1","subscriptions":{"email":"yes"}}""", "subscriptions.email",
        "expected true, false or null (back to the default, subscribed), got the string \"yes\"")]
    [InlineData("""{"type":"user","id":"u1","categories":{"marketing":1}}""", "categories.marketing",
        "expected true, false or null (back to the default, subscribed), got the number 1")]
    [InlineData("""{"type":"follow","followee":"u1"}""", "follower", "is required but missing or null")]
    [InlineData("""{"type":"user","id":"\ud800"}""", "", "a string in the record is not valid Unicode text")]
    public void A_bad_record_names_its_field_and_says_what_to_write(string json, string field, string message)
    {
        var error = Assert.Throws<InputException>(() => Parse(json));

        Assert.Equal((field, message), (error.Field, error.Message));
    }
}
