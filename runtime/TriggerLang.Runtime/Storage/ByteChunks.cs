namespace TriggerLang.Runtime.Storage;

/// <summary>
/// Short byte strings kept for long, copied side by side into shared chunks instead of an array each: the
/// explanations of a million pending sends loaded at start are then a few thousand objects for the GC to trace, not
/// a million. A chunk lives as long as anything kept in it. Not thread-safe: one per thread at a time.
/// </summary>
internal sealed class ByteChunks
{
    // Well under the large object heap's threshold (85,000 bytes): a chunk ages with the sends in it, as they do; and
    // the last chunk of each batch, partly filled, wastes little.
    private const int ChunkSize = 16 * 1024;

    private byte[] _chunk = [];
    private int _used;

    public ReadOnlyMemory<byte> Keep(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > ChunkSize / 4)
        {
            return bytes.ToArray();
        }
        if (_used + bytes.Length > _chunk.Length)
        {
            _chunk = new byte[ChunkSize];
            _used = 0;
        }
        bytes.CopyTo(_chunk.AsSpan(_used));
        var kept = _chunk.AsMemory(_used, bytes.Length);
        _used += bytes.Length;
        return kept;
    }
}
