using System.Text;
using CsCheck;
using TriggerLang.Engine.Records;
using static TriggerLang.Engine.Tests.Records.RecordsProject;

namespace TriggerLang.Engine.Tests.Records;

/// <summary>
/// A file read untimed-first gives what the plain reader gives, reordered only as §8 allows: every untimed record
/// before every timed one, and each kind (untimed, timed, refused lines) in file order.
/// </summary>
public class UntimedFirstReaderProperties
{
    private static readonly string[] Lines =
    [
        """{"type":"event","id":"e1","name":"purchase","user":"u1","time":"2026-12-01T10:00:00Z","properties":{"order_id":"o1","total":5}}""",
        """{"type":"event","id":"e2","name":"purchase","user":"u2","time":"2026-12-01T11:00:00Z","properties":{"order_id":"o2","total":5}}""",
        """{"type":"user","id":"u1","attributes":{"country":"US"}}""",
        """{"type":"user","id":"u2","time":"2026-12-01T10:30:00Z","attributes":{"vip":true}}""",
        """{"time":null,"type":"follow","follower":"u2","followee":"u1"}""",
        """{"type":"follow","follower":"u3","followee":"u1","time":"2026-12-01T12:00:00Z"}""",
        """{"type":"event","id":"e3","name":"purchase","user":"u1","properties":{"order_id":"o3","total":5}}""",
        """{"type":"user","id":"u3","attributes":{"time":"2026-12-01T10:00:00Z"},"type":"user"}""",
        """{"type":"user","id":"u4","properties":{"type":"event"}}""",
        // Events by their first key, then users by a later one, spelled plainly or with an escape: untimed users.
        """{"type":"event","id":"u5","type":"user"}""",
        """{"type":"event","id":"u6","typ\u0065":"user","attributes":{"vip":true}}""",
        // Lines with a byte that is not UTF-8 (Bad becomes 0xFF), read through the text path: an untimed user, a plain event.
        $$$"""{"type":"user","id":"u7","attributes":{"first_name":"A{{{Bad}}}"}}""",
        $$$"""{"type":"event","id":"e4","name":"purchase","user":"u1","time":"2026-12-01T13:00:00Z","properties":{"order_id":"o{{{Bad}}}","total":5}}""",
        "not json",
        "",
    ];

    [Fact]
    public void Only_timed_records_move_and_only_behind_untimed_ones() =>
        Gen.OneOf(Lines).Array[0, 12].Sample(lines =>
        {
            var bytes = Bytes(string.Join('\n', lines));
            var plain = JsonLinesReader.Read(new MemoryStream(bytes), "in.jsonl", Parser).ToList();
            var reordered = UntimedFirstReader.Read(new MemoryStream(bytes), "in.jsonl", Parser).ToList();
            return reordered.Count == plain.Count
                && Kind(reordered, Untimed).SequenceEqual(Kind(plain, Untimed))
                && Kind(reordered, Timed).SequenceEqual(Kind(plain, Timed))
                && Kind(reordered, r => r.IsError).SequenceEqual(Kind(plain, r => r.IsError))
                && !reordered.SkipWhile(r => !Timed(r)).Any(Untimed);
        });

    private const char Bad = '\u0001';

    private static byte[] Bytes(string text) => [.. Encoding.UTF8.GetBytes(text).Select(b => b == Bad ? (byte)0xFF : b)];

    private static bool Untimed(ReadResult result) => result.Record is { Time: null };

    private static bool Timed(ReadResult result) => result.Record is { Time: not null };

    private static IEnumerable<string> Kind(List<ReadResult> results, Func<ReadResult, bool> kind) =>
        results.Where(kind).Select(r => r.ToString());
}
