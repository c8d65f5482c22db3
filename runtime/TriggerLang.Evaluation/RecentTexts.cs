using System.Text.Unicode;

namespace TriggerLang.Evaluation;

/// <summary>
/// The string of a short UTF-8 text, shared with the last equal text read: event properties repeat (a page name, a
/// category, a product: seven in ten of the string properties in the simulation benchmark), and the events the engine
/// keeps for their rules would otherwise each hold a copy. A direct-mapped cache, one string per slot, so it is bounded
/// and costs nothing to keep: a text that is never repeated (an order id) only takes its slot until the next one. A hit
/// is checked against the text itself, so a collision only costs a new string, and threads may share the cache (a slot
/// holds an immutable string; each read and write of it is atomic).
/// </summary>
internal static class RecentTexts
{
    // Longer texts rarely repeat, and are decoded as usual.
    private const int MaxChars = 64;
    private const int SlotCount = 4096;

    private static readonly string?[] Slots = new string?[SlotCount];

    /// <summary>
    /// The text of <paramref name="utf8"/>, or null when it is not short, valid UTF-8 (the caller decodes it itself,
    /// and words any error as it always did).
    /// </summary>
    public static string? Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxChars)
        {
            return null;
        }
        Span<char> chars = stackalloc char[MaxChars];
        if (Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            return null;
        }
        var text = chars[..written];
        ref var slot = ref Slots[string.GetHashCode(text) & (SlotCount - 1)];
        var known = slot;
        if (known is not null && text.SequenceEqual(known))
        {
            return known;
        }
        var made = new string(text);
        slot = made;
        return made;
    }
}
