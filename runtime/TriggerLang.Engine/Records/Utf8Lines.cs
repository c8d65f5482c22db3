using System.Text;

namespace TriggerLang.Engine.Records;

/// <summary>
/// Splits a UTF-8 stream into lines as <see cref="TextReader.ReadLine"/> does (at <c>\n</c>, <c>\r\n</c> or a lone
/// <c>\r</c>, a UTF-8 byte order mark skipped), handing out each line's bytes; a line is valid until the next call.
/// </summary>
internal sealed class Utf8Lines
{
    private readonly Stream _input;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    public Utf8Lines(Stream input)
    {
        _input = input;
        Fill();
        var head = _buffer.AsSpan(_start, _end - _start);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _start += 3;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            IsUtf8 = false;
        }
    }

    /// <summary>False when the stream starts with a UTF-16 or UTF-32 byte order mark: read it with <see cref="AsText"/>.</summary>
    public bool IsUtf8 { get; } = true;

    /// <summary>The whole stream as text, for a stream that is not UTF-8 (nothing consumed yet).</summary>
    public TextReader AsText() =>
        new StreamReader(new ConcatenatedStream(_buffer.AsMemory(_start, _end - _start), _input), Encoding.UTF8);

    public ReadOnlyMemory<byte>? Next()
    {
        var scanned = _start;
        while (true)
        {
            var index = _buffer.AsSpan(scanned, _end - scanned).IndexOfAny((byte)'\n', (byte)'\r');
            if (index >= 0)
            {
                var stop = scanned + index;
                if (_buffer[stop] == '\r' && stop + 1 == _end && !_eof)
                {
                    // A \r at the end of the buffer: whether a \n follows decides where the next line starts.
                    scanned = stop;
                    if (!Fill(ref scanned))
                    {
                        continue;
                    }
                    stop = scanned;
                }
                var line = _buffer.AsMemory(_start, stop - _start);
                _start = stop + (_buffer[stop] == '\r' && stop + 1 < _end && _buffer[stop + 1] == '\n' ? 2 : 1);
                return line;
            }
            scanned = _end;
            if (_eof)
            {
                if (_start == _end)
                {
                    return null;
                }
                var last = _buffer.AsMemory(_start, _end - _start);
                _start = _end;
                return last;
            }
            Fill(ref scanned);
        }
    }

    private void Fill()
    {
        var ignored = 0;
        Fill(ref ignored);
    }

    /// <summary>Reads more, first moving the unread part to the front (or growing the buffer); keeps <paramref name="position"/> pointing at the same byte. False at the end of the stream.</summary>
    private bool Fill(ref int position)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            position -= _start;
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var read = _input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return false;
        }
        _end += read;
        return true;
    }

    /// <summary>What was already read, then the rest of the stream.</summary>
    private sealed class ConcatenatedStream(ReadOnlyMemory<byte> head, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _head = head;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_head.Length == 0)
            {
                return rest.Read(buffer, offset, count);
            }
            var n = Math.Min(count, _head.Length);
            _head.Span[..n].CopyTo(buffer.AsSpan(offset, n));
            _head = _head[n..];
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
