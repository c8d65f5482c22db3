namespace TriggerLang.Plugins.Outbox;

/// <summary>
/// An append-only JSON Lines file shared by every thread delivering through one channel.
/// Guarantee: when <see cref="Append"/> returns, the whole line has been handed to the operating system in one
/// write — it survives a crash of the process (not a power cut: no fsync, which would cost milliseconds per line),
/// and lines never interleave, because writes are serialized and the stream has no buffer of its own.
/// One process per outbox folder: the lock does not reach other processes.
/// </summary>
internal sealed class OutboxFile(string path) : IDisposable
{
    private readonly Lock _lock = new();
    private FileStream? _stream;
    private bool _disposed;

    public string Path { get; } = path;

    public void Append(ReadOnlySpan<byte> line)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Opened on first use, so that channels nobody sends through leave no empty files.
            // bufferSize 0: every Write is one write(2) of a whole line.
            _stream ??= new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
            _stream.Write(line);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _stream?.Dispose();
            _stream = null;
        }
    }
}
