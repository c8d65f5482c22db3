using System.Text;
using System.Text.Json;

namespace TriggerLang.Evaluation;

/// <summary>
/// An event's field names as UTF-8, for the generated <see cref="EventRecord.TryReadProperties"/>: finds the field a
/// property of the JSON names, by its bytes, and says when the property cannot be told apart that way (then the
/// caller falls back to the <see cref="JsonElement"/> reader, which decides every case).
/// </summary>
public sealed class PropertyNames
{
    /// <summary>The end of the object: every property has been read.</summary>
    public const int End = -1;

    /// <summary>Not read here: an escaped name, a field read twice, or an event too large for the seen-set.</summary>
    public const int Decline = -2;

    // The fields already read are the bits of a long (a type generated code may name): no allocation per event.
    // Larger events take the full path.
    private const int MaxFields = 64;

    // Null when the names cannot be compared as bytes: then every event of this type takes the full path.
    private readonly byte[][]? _names;

    public PropertyNames(string[] names) => _names = names.Length <= MaxFields ? Encode(names) : null;

    /// <summary>A name that is not valid UTF-16 has no UTF-8 spelling to compare with: null.</summary>
    private static byte[][]? Encode(string[] names)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            return [.. names.Select(strict.GetBytes)];
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads up to the next property that names a field and onto its value, skipping the values of unknown properties;
    /// gives the field's index, <see cref="End"/> or <see cref="Decline"/>. The reader must be inside the object.
    /// </summary>
    /// <remarks>
    /// A repeated field is declined rather than read as <c>JsonElement.TryGetProperty</c> would choose, so that which of
    /// the two counts stays the full path's decision. Malformed JSON throws <see cref="JsonException"/>, as the reader does.
    /// </remarks>
    public int Next(ref Utf8JsonReader reader, ref long seen)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (_names is null || reader.ValueIsEscaped)
            {
                return Decline;
            }
            var index = IndexOf(reader.ValueSpan);
            reader.Read();
            if (index < 0)
            {
                reader.Skip();
                continue;
            }
            var bit = 1L << index;
            if ((seen & bit) != 0)
            {
                return Decline;
            }
            seen |= bit;
            return index;
        }
        return reader.TokenType == JsonTokenType.EndObject ? End : Decline;
    }

    private int IndexOf(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < _names!.Length; i++)
        {
            if (name.SequenceEqual(_names[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
