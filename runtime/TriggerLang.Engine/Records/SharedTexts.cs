using System.Text;

namespace TriggerLang.Engine.Records;

/// <summary>
/// One string for the same text, for values that repeat from line to line (event names, user ids): a million events by ten thousand
/// users then need ten thousand strings, not a million, and the events the engine keeps for days share them instead of
/// each holding a copy through every collection. Bounded: past <c>maxEntries</c> distinct texts, a new text is made as
/// usual and not kept.
/// </summary>
internal sealed class SharedTexts
{
    // Longer texts are rare as ids and not worth a lookup; this also bounds the stack buffer.
    private const int MaxLength = 128;

    private readonly int _maxEntries;
    private readonly HashSet<string> _texts;
    // Looked up by the decoded characters, so that a text seen before makes no string.
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _byChars;

    public SharedTexts(int maxEntries = 1 << 17)
    {
        _maxEntries = maxEntries;
        _texts = new(StringComparer.Ordinal);
        _byChars = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The text of <paramref name="utf8"/> (valid UTF-8: the caller checked the line), shared when seen before.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }
        Span<char> buffer = stackalloc char[MaxLength];
        var chars = buffer[..Encoding.UTF8.GetChars(utf8, buffer)];
        if (_byChars.TryGetValue(chars, out var known))
        {
            return known;
        }
        var text = new string(chars);
        if (_texts.Count < _maxEntries)
        {
            _texts.Add(text);
        }
        return text;
    }
}
