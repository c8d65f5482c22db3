using System.Text;
using System.Text.Json;

namespace TriggerLang.Plugins.Outbox;

/// <summary>
/// An append-only JSON Lines file shared by every thread delivering through one channel, holding each idempotency key
/// at most once.
/// Guarantee: when <see cref="TryAppend"/> returns, the whole line has been handed to the operating system in one
/// write — it survives a crash of the process (not a power cut: no fsync, which would cost milliseconds per line),
/// and lines never interleave, because writes are serialized and the stream has no buffer of its own.
/// Idempotent: the runtime delivers a message again when it crashed after the channel took it but before it
/// recorded the answer, with the same key; the file is the ledger of what went out, so the repeat must not add a
/// line. The keys already written are read once, when the file is first used, and kept in memory after that.
/// One process per outbox folder: neither the lock nor the keys reach other processes.
/// </summary>
internal sealed class OutboxFile(string path) : IDisposable
{
    private static readonly byte[] KeyProperty = Encoding.UTF8.GetBytes("idempotency_key");

    private readonly Lock _lock = new();
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private FileStream? _stream;
    private bool _disposed;

    public string Path { get; } = path;

    /// <summary>Appends <paramref name="line"/> unless a line with <paramref name="key"/> is in the file already; false when it was.</summary>
    public bool TryAppend(string key, ReadOnlySpan<byte> line)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Opened on first use, so that channels nobody sends through leave no empty files.
            _stream ??= Open();
            if (!_keys.Add(key))
            {
                return false;
            }
            try
            {
                _stream.Write(line);
            }
            catch (IOException)
            {
                // Not written (or not wholly: see Open): a retry must write it.
                _keys.Remove(key);
                throw;
            }
            return true;
        }
    }

    /// <summary>Reads the keys of the lines the file holds, then opens it for appending.</summary>
    private FileStream Open()
    {
        bool whole;
        try
        {
            using var reading = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            whole = ReadKeys(reading, _keys);
        }
        catch (FileNotFoundException)
        {
            whole = true;
        }
        catch
        {
            _keys.Clear();
            throw;
        }
        // bufferSize 0: every Write is one write(2) of a whole line.
        var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        if (!whole)
        {
            // The last line was cut short (a full disk, a power cut): end it, so that the next line stays whole and
            // readable. The cut line names no message we could trust; if it is delivered again, it gets a whole line.
            stream.Write("\n"u8);
        }
        return stream;
    }

    /// <summary>Adds the key of every whole line to <paramref name="keys"/>; false when the file does not end with a newline.</summary>
    private static bool ReadKeys(FileStream stream, HashSet<string> keys)
    {
        if (stream.Length == 0)
        {
            return true;
        }
        var buffer = new byte[1 << 16];
        var length = 0;
        int read;
        while ((read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
            var start = 0;
            int newline;
            while ((newline = Array.IndexOf(buffer, (byte)'\n', start, length - start)) >= 0)
            {
                if (KeyOf(buffer.AsSpan(start, newline - start)) is { } key)
                {
                    keys.Add(key);
                }
                start = newline + 1;
            }
            // Keep the unfinished line at the front; grow when one line is longer than the buffer.
            Array.Copy(buffer, start, buffer, 0, length - start);
            length -= start;
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
        return length == 0;
    }

    /// <summary>The top-level <c>idempotency_key</c> of one line; null for a line that is not a JSON object or has none.</summary>
    private static string? KeyOf(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isKey = reader.ValueTextEquals(KeyProperty);
                reader.Read();
                if (isKey)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                // The key comes sixth, after strings: skipping is cheap; a hand-edited line may put objects first.
                reader.Skip();
            }
            return null;
        }
        catch (JsonException)
        {
            // Not our line (edited by hand, cut short): it names no message.
            return null;
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
