using System.Text;
using System.Text.Json;

namespace TriggerLang.Compiler.Plugins;

/// <summary>
/// A JSON value with its position in the manifest text. System.Text.Json's
/// documents forget where values came from; diagnostics about a manifest
/// must point at the offending key, so the tree is built from the reader.
/// </summary>
internal abstract record JsonNode(int Start, int Length);

internal sealed record JsonMember(string Name, int NameStart, int NameLength, JsonNode Value);

internal sealed record JsonObjectNode(int Start, int Length, IReadOnlyList<JsonMember> Members) : JsonNode(Start, Length)
{
    public JsonMember? Member(string name) => Members.FirstOrDefault(m => m.Name == name);
}

internal sealed record JsonArrayNode(int Start, int Length, IReadOnlyList<JsonNode> Items) : JsonNode(Start, Length);

/// <summary>A string, number, true, false or null; <see cref="Text"/> is the string's value or the literal as written.</summary>
internal sealed record JsonScalarNode(int Start, int Length, JsonTokenType Kind, string Text) : JsonNode(Start, Length);

internal static class ManifestJson
{
    /// <summary>Parses UTF-8 JSON (comments and trailing commas allowed, as people write them by hand); throws <see cref="JsonException"/> with a position.</summary>
    public static JsonNode Parse(ReadOnlySpan<byte> utf8)
    {
        var charAt = CharOffsets(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        reader.Read();
        var root = Read(ref reader, charAt);
        if (reader.Read())
        {
            throw new JsonException("only one JSON value is allowed in a manifest", null, null, null);
        }
        return root;
    }

    private static JsonNode Read(ref Utf8JsonReader reader, int[] charAt)
    {
        var start = charAt[reader.TokenStartIndex];
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<JsonMember>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    var nameStart = charAt[reader.TokenStartIndex];
                    var nameLength = charAt[reader.BytesConsumed] - nameStart;
                    reader.Read();
                    members.Add(new JsonMember(name, nameStart, nameLength, Read(ref reader, charAt)));
                }
                return new JsonObjectNode(start, 1, members);
            case JsonTokenType.StartArray:
                var items = new List<JsonNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(Read(ref reader, charAt));
                }
                return new JsonArrayNode(start, 1, items);
            default:
                var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);
                return new JsonScalarNode(start, charAt[reader.BytesConsumed] - start, reader.TokenType, text);
        }
    }

    /// <summary>The UTF-16 offset of every UTF-8 byte offset: the reader counts bytes, source positions count chars.</summary>
    private static int[] CharOffsets(ReadOnlySpan<byte> utf8)
    {
        var offsets = new int[utf8.Length + 1];
        var chars = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            offsets[i] = chars;
            var b = utf8[i];
            if ((b & 0xC0) != 0x80)
            {
                // A lead byte starts a character; four-byte sequences are surrogate pairs in UTF-16.
                chars += b >= 0xF0 ? 2 : 1;
            }
        }
        offsets[utf8.Length] = chars;
        return offsets;
    }
}
