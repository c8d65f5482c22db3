using CsCheck;
using static TriggerLang.Engine.Tests.Records.RecordsProject;

namespace TriggerLang.Engine.Tests.Records;

/// <summary>Whatever a file holds, reading it gives records or errors, never an exception.</summary>
public class JsonLinesReaderProperties
{
    private static readonly string[] Valid =
    [
        """{"type":"event","id":"e1","name":"cart_abandoned","user":"u1","time":"2026-12-01T10:00:00Z","properties":{"cart_id":"c","total":150.5,"items":2,"category":"wine"}}""",
        """{"type":"user","id":"u1","attributes":{"country":"US","vip":true,"email":null},"subscriptions":{"email":true},"categories":{"marketing":false}}""",
        """{"type":"follow","follower":"u2","followee":"u1","time":"2026-12-01T09:00:00Z"}""",
    ];

    private static readonly string[] Fragments =
        ["", "{", "}", "[", "]", "\"", ",", ":", "null", "true", "1e400", "-0", "\\u0000", "\\ud800", "\ud800", "\uFEFF", "\r", "\n", "é", "𝄞", "99999999999999999999999999999999"];

    [Fact]
    public void Random_text_never_throws() =>
        Gen.String.Sample(text => ReadsWithoutThrowing(text));

    [Fact]
    public void Random_bytes_decoded_as_utf8_never_throw() =>
        Gen.Byte.Array[0, 200].Sample(bytes => ReadsWithoutThrowing(System.Text.Encoding.UTF8.GetString(bytes)));

    [Fact]
    public void Mutated_valid_lines_never_throw()
    {
        var mutation = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1000], Gen.Int[0, 3], Gen.OneOf(Fragments));
        Gen.Select(mutation.Array[1, 5], Gen.OneOf(Valid)).Sample((mutations, line) =>
        {
            foreach (var (kind, at, length, fragment) in mutations)
            {
                var position = at % (line.Length + 1);
                line = kind switch
                {
                    0 => line.Insert(position, fragment),
                    1 => line.Remove(position, Math.Min(length, line.Length - position)),
                    _ => line.Remove(position, Math.Min(length, line.Length - position)).Insert(position, fragment),
                };
            }
            return ReadsWithoutThrowing(line);
        });
    }

    private static bool ReadsWithoutThrowing(string text)
    {
        foreach (var result in Read(text))
        {
            if (result.IsError == (result.Record is not null))
            {
                return false;
            }
        }
        return true;
    }
}
