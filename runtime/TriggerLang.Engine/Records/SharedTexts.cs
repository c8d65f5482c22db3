using System.Runtime.InteropServices;
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
/// lookup was a fifth of reading an event. The first 16 bytes are kept in the slot itself, so that finding a short
/// text (most ids) reads one slot and no other object: the slots of ten thousand ids are out of the cache, and a
/// separate array of bytes was a second miss per lookup.
/// </para>
/// </summary>
internal sealed class SharedTexts
{
    // Longer texts are rare as ids and not worth a lookup.
    private const int MaxLength = 128;
    private const int HeadLength = 2 * sizeof(ulong);

    private readonly int _maxEntries;
    private Entry[] _slots = new Entry[64];
    private int _count;

    public SharedTexts(int maxEntries = 1 << 17) => _maxEntries = maxEntries;

    private struct Entry
    {
        public int Hash;
        public int Number;
        public int Length;
        // The first 16 bytes, zero beyond the length; the rest (only for longer texts) in Tail.
        public ulong Head0;
        public ulong Head1;
        public byte[]? Tail;
        public string? Text; // null: the slot is free
    }

    /// <summary>The text of <paramref name="utf8"/> (valid UTF-8: the caller checked the line), shared when seen before.</summary>
    public string Get(ReadOnlySpan<byte> utf8) => Get(utf8, out _);

    /// <summary>
    /// <see cref="Get(ReadOnlySpan{byte})"/>, and the text's number: 0 for the first text kept, 1 for the next… (the
    /// same number for the same text, and for no other), or -1 for a text not kept (too long, or the table full).
    /// </summary>
    public string Get(ReadOnlySpan<byte> utf8, out int number)
    {
        number = -1;
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }
        Span<byte> head = stackalloc byte[HeadLength];
        head.Clear();
        utf8[..Math.Min(utf8.Length, HeadLength)].CopyTo(head);
        var head0 = MemoryMarshal.Read<ulong>(head);
        var head1 = MemoryMarshal.Read<ulong>(head[sizeof(ulong)..]);
        var tail = utf8.Length > HeadLength ? utf8[HeadLength..] : default;
        var hash = HashOf(head0, head1, tail);
        var mask = _slots.Length - 1;
        var i = hash & mask;
        for (; _slots[i].Text is { } known; i = (i + 1) & mask)
        {
            ref readonly var slot = ref _slots[i];
            // The length tells apart texts that differ only by zero bytes where the head is padded.
            if (slot.Hash == hash && slot.Length == utf8.Length && slot.Head0 == head0 && slot.Head1 == head1
                && tail.SequenceEqual(slot.Tail))
            {
                number = slot.Number;
                return known;
            }
        }
        var text = Encoding.UTF8.GetString(utf8);
        if (_count < _maxEntries)
        {
            number = _count;
            _slots[i] = new Entry
            {
                Hash = hash,
                Number = number,
                Length = utf8.Length,
                Head0 = head0,
                Head1 = head1,
                Tail = tail.IsEmpty ? null : tail.ToArray(),
                Text = text,
            };
            if (++_count * 2 > _slots.Length)
            {
                Grow();
            }
        }
        return text;
    }

    // Seeded per process (HashCode), so that no input can be written to make every id collide.
    private static int HashOf(ulong head0, ulong head1, ReadOnlySpan<byte> tail)
    {
        var hash = new HashCode();
        hash.Add(head0);
        hash.Add(head1);
        hash.AddBytes(tail);
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
            if (entry.Text is null)
            {
                continue;
            }
            var i = entry.Hash & mask;
            while (_slots[i].Text is not null)
            {
                i = (i + 1) & mask;
            }
            _slots[i] = entry;
        }
    }
}
