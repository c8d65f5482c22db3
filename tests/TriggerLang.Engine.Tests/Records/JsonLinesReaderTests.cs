using TriggerLang.Engine.Records;
using static TriggerLang.Engine.Tests.Records.RecordsProject;

namespace TriggerLang.Engine.Tests.Records;

/// <summary>Files of records (LANGUAGE.md §8): line numbers, time order, and text as editors save it.</summary>
public class JsonLinesReaderTests
{
    private const string Event1 = """{"type":"event","id":"e1","name":"purchase","user":"u1","time":"2026-12-01T10:00:00Z","properties":{"order_id":"o1","total":5}}""";
    private const string Event2 = """{"type":"event","id":"e2","name":"purchase","user":"u1","time":"2026-12-01T11:00:00Z","properties":{"order_id":"o2","total":5}}""";
    private const string User = """{"type":"user","id":"u1","attributes":{"country":"US"}}""";

    [Fact]
    public void Every_record_kind_reads_with_its_file_and_line()
    {
        var results = Read($"{User}\n{"""{"type":"follow","follower":"u2","followee":"u1"}"""}\n{Event1}\n");

        Assert.All(results, r => Assert.False(r.IsError, r.ToString()));
        Assert.Equal(["in.jsonl:1", "in.jsonl:2", "in.jsonl:3"], results.Select(r => r.Source));
        Assert.Equal([typeof(UserInput), typeof(FollowInput), typeof(EventInput)], results.Select(r => r.Record!.GetType()));
        Assert.Equal("in.jsonl:3", results[2].Record!.Source);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted() =>
        Assert.Equal(["in.jsonl:2", "in.jsonl:5"], Read($"\n{Event1}\n   \n\t\n{Event2}").Select(r => r.Source));

    [Fact]
    public void Crlf_line_ends_and_a_byte_order_mark_are_accepted()
    {
        var results = Read($"\uFEFF{Event1}\r\n\r\n{Event2}\r\n");

        Assert.Equal(["in.jsonl:1", "in.jsonl:3"], results.Select(r => r.Source));
        Assert.All(results, r => Assert.False(r.IsError, r.ToString()));
    }

    [Fact]
    public void A_record_earlier_than_the_previous_timed_one_is_an_error_that_does_not_move_the_clock()
    {
        var results = Read($"{Event2}\n{Event1}\n{Event2}\n");

        Assert.Equal([false, true, false], results.Select(r => r.IsError));
        Assert.Equal("in.jsonl:2: `time`: 2026-12-01T10:00:00Z is earlier than 2026-12-01T11:00:00Z at in.jsonl:1; records must be in time order",
            results[1].ToString());
    }

    [Fact]
    public void Records_without_a_time_may_stand_anywhere()
    {
        var results = Read($"{Event2}\n{User}\n{"""{"type":"follow","follower":"u2","followee":"u1"}"""}\n");

        Assert.All(results, r => Assert.False(r.IsError, r.ToString()));
    }

    [Fact]
    public void A_timed_user_record_takes_part_in_the_order() =>
        Assert.True(Read($"{Event2}\n{"""{"type":"user","id":"u1","time":"2026-12-01T10:59:59Z"}"""}").Last().IsError);

    [Theory]
    [InlineData("not json", "in.jsonl:1: not a JSON object: 'not json' is an invalid JSON literal")]
    [InlineData("{\"type\":\"user\",\"id\":\"u1\"", "in.jsonl:1: not a JSON object:")]
    [InlineData("{\"type\":\"user\",\"id\":\"u1\"} {}", "in.jsonl:1: not a JSON object:")]
    [InlineData("42", "in.jsonl:1: a record must be a JSON object, got the number 42")]
    [InlineData("{\"type\":\"user\",\"id\":\"u1\",\"attributes\":{\"country\":7}}", "in.jsonl:1: `attributes.country`: expected a string, got the number 7")]
    public void A_bad_line_gives_an_error_with_its_place(string line, string expected) =>
        Assert.StartsWith(expected, Assert.Single(Read(line)).ToString());

    [Fact]
    public void A_lone_surrogate_is_an_error_not_a_crash() =>
        Assert.Equal("in.jsonl:1: the line is not valid Unicode text", Assert.Single(Read("{\"type\":\"user\",\"id\":\"" + '\ud800' + "\"}")).ToString());

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow() =>
        Assert.StartsWith("in.jsonl:1: not a JSON object: ",
            Assert.Single(Read("{\"type\":\"user\",\"id\":\"u1\",\"attributes\":{\"x\":" + new string('[', 100_000) + new string(']', 100_000) + "}}")).ToString());

    [Fact]
    public void Events_read_from_bytes_number_their_users_the_same_number_for_the_same_id()
    {
        var otherUser = Event2.Replace("\"u1\"", "\"u2\"");
        // The same user again, its members in another order: read the other way (EventLine.Read), numbered alike.
        var reordered = """{"user":"u1","type":"event","id":"e3","name":"purchase","time":"2026-12-01T12:00:00Z","properties":{"order_id":"o3","total":5}}""";
        var bytes = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"{Event1}\n{otherUser}\n{reordered}\n"));

        var numbers = JsonLinesReader.Read(bytes, "in.jsonl", Parser).Select(r => ((EventInput)r.Record!).UserNumber);

        Assert.Equal([0, 1, 0], numbers);
    }

    [Fact]
    public void Reading_goes_on_after_an_error() =>
        Assert.Equal([true, false], Read($"garbage\n{Event1}").Select(r => r.IsError));
}
