using System.Text;

namespace TriggerLang.Engine.Records;

/// <summary>
/// One string for the same text, for values that repeat from line to line (event names, user ids): a million events by ten thousand
/// users then need ten thousand strings, not a million, and the events the engine keeps for days share them instead of
/// each holding a copy through every collection. Bounded: past <c>maxEntries</c> distinct texts, a new text is made as
/// usual and not kept.
/// <para>
/// Looked up by the UTF-8 bytes as they stand in the line, in a table of its own (open addressing): a text seen before
/// is neither decoded nor hashed as characters. Through a set of strings each lookup decoded the bytes first, and the
/// lookup was a fifth of reading an event.
/// </para>
/// </summary>
internal sealed class SharedTexts
{
    // Longer texts are rare as ids and not worth a lookup.
    private const int MaxLength = 128;

    private readonly int _maxEntries;
    private Entry[] _slots = new Entry[64];
    private int _count;

    public SharedTexts(int maxEntries = 1 << 17) => _maxEntries = maxEntries;

    private struct Entry
    {
        public int Hash;
        public byte[]? Utf8; // null: the slot is free
        public string Text;
    }

    /// <summary>The text of <paramref name="utf8"/> (valid UTF-8: the caller checked the line), shared when seen before.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }
        // Seeded per process (HashCode), so that no input can be written to make every id collide.
        var hash = HashOf(utf8);
        var mask = _slots.Length - 1;
        var i = hash & mask;
        for (; _slots[i].Utf8 is { } known; i = (i + 1) & mask)
        {
            if (_slots[i].Hash == hash && utf8.SequenceEqual(known))
            {
                return _slots[i].Text;
            }
        }
        var text = Encoding.UTF8.GetString(utf8);
        if (_count < _maxEntries)
        {
            _slots[i] = new Entry { Hash = hash, Utf8 = utf8.ToArray(), Text = text };
            if (++_count * 2 > _slots.Length)
            {
                Grow();
            }
        }
        return text;
    }

    private static int HashOf(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode() & int.MaxValue;
    }

    /// <summary>Doubles the table, which is kept at most half full so that probes stay short.</summary>
    private void Grow()
    {
        var old = _slots;
        _slots = new Entry[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Utf8 is null)
            {
                continue;
            }
            var i = entry.Hash & mask;
            while (_slots[i].Utf8 is not null)
            {
                i = (i + 1) & mask;
            }
            _slots[i] = entry;
        }
    }
}
