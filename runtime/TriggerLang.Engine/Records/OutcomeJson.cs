using System.Buffers;
using TriggerLang.Engine.Decision;

namespace TriggerLang.Engine.Records;

/// <summary>
/// Writes outcomes as JSON Lines (LANGUAGE.md §8): one compact object per line, keys always in the
/// same order so that outputs diff cleanly: time, rule, user, channel, status, reason (unless sent),
/// trigger, fields (only when sent), then with explain the <c>explain</c> array and <c>detail</c>.
/// </summary>
public static class OutcomeJson
{
    public static void Write(TextWriter output, Outcome outcome, bool explain)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new OutcomeLine().Write(buffer, outcome, explain);
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        // Always \n, whatever the platform: the file is compared byte for byte.
        output.Write('\n');
    }

    /// <summary>
    /// A writer of many outcomes straight to a byte stream (stdout, a file): UTF-8 into one reused buffer, written
    /// out in large blocks, instead of a string and a text write per line. The bytes are those of <see cref="Write"/>.
    /// </summary>
    public static Writer To(Stream output, bool explain) => new(output, explain);

    /// <summary>See <see cref="To"/>. Dispose (or <see cref="Flush"/>) to write out the last block; the stream stays open.</summary>
    public sealed class Writer : IDisposable
    {
        private const int BlockSize = 1 << 16;

        private readonly Stream _output;
        private readonly bool _explain;
        private readonly ArrayBufferWriter<byte> _buffer = new(2 * BlockSize);
        private readonly OutcomeLine _line = new();

        internal Writer(Stream output, bool explain)
        {
            _output = output;
            _explain = explain;
        }

        public void Write(Outcome outcome)
        {
            _line.Write(_buffer, outcome, _explain);
            _buffer.Write("\n"u8);
            if (_buffer.WrittenCount >= BlockSize)
            {
                _output.Write(_buffer.WrittenSpan);
                _buffer.ResetWrittenCount();
            }
        }

        public void Flush()
        {
            _output.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
            _output.Flush();
        }

        public void Dispose() => Flush();
    }
}
