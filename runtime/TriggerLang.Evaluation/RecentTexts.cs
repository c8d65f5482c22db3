using System.Buffers;
using System.Buffers.Binary;
using System.Text.Unicode;

namespace TriggerLang.Evaluation;

/// <summary>
/// The string of a short UTF-8 text, shared with the last equal text read: event properties repeat (a page name, a
/// category, a product: seven in ten of the string properties in the simulation benchmark), and the events the engine
/// keeps for their rules would otherwise each hold a copy. A direct-mapped cache, one string per slot, so it is bounded
/// and costs nothing to keep: a text that is never repeated (an order id) only takes its slot until the next one.
/// <para>
/// A slot keeps the hash of its text's bytes beside it, so that a text that does not match is told apart without reading
/// the string, which is anywhere in the heap. A match is checked against the text itself, so a collision (the hash is
/// cheap, not secret) only costs a new string. Threads may share the cache: only the string's reference, which is read
/// and written atomically, decides what is returned.
/// </para>
/// </summary>
internal static class RecentTexts
{
    // Longer texts rarely repeat, and are decoded as usual.
    private const int MaxBytes = 64;
    private const int SlotCount = 4096;

    private static readonly Slot[] Slots = new Slot[SlotCount];

    private struct Slot
    {
        public int Hash;
        public string? Text;
    }

    /// <summary>
    /// The text of <paramref name="utf8"/>, or null when it is not short, valid UTF-8 (the caller decodes it itself,
    /// and words any error as it always did).
    /// </summary>
    public static string? Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return null;
        }
        var hash = HashOf(utf8);
        ref var slot = ref Slots[hash & (SlotCount - 1)];
        Span<char> chars = stackalloc char[MaxBytes];
        if (Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return null;
        }
        var text = chars[..written];
        if (slot.Hash == hash && slot.Text is { } known && text.SequenceEqual(known))
        {
            return known;
        }
        var made = new string(text);
        slot.Text = made;
        slot.Hash = hash;
        return made;
    }

    /// <summary>A quick hash of up to 64 bytes, eight at a time.</summary>
    internal static int HashOf(ReadOnlySpan<byte> utf8)
    {
        const ulong Prime = 0x9E3779B97F4A7C15;
        var hash = (ulong)utf8.Length * Prime;
        while (utf8.Length >= sizeof(ulong))
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8)) * Prime;
            utf8 = utf8[sizeof(ulong)..];
        }
        Span<byte> last = stackalloc byte[sizeof(ulong)];
        last.Clear();
        utf8.CopyTo(last);
        hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(last)) * Prime;
        return (int)(hash >> 32);
    }
}
