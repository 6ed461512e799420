using MessagePack;

namespace UcgSim.Results;

/// <summary>What <see cref="MessagePackObjects.Next"/> found at the current offset.</summary>
internal enum NextObject
{
    /// <summary>A whole object; <see cref="MessagePackObjects.Current"/> holds its bytes.</summary>
    Whole,
    /// <summary>The file ends exactly here.</summary>
    EndOfFile,
    /// <summary>The file ends inside an object.</summary>
    CutShort,
    /// <summary>The bytes here are not MessagePack, or claim an object longer than any the file can hold.</summary>
    NotMessagePack,
}

/// <summary>
/// Splits a stream into MessagePack objects and says at which byte each starts, so that a reader can name the place of
/// a damage. Unlike <c>MessagePackStreamReader</c>, it tells a file that ends between objects from one that ends inside
/// one, and it never buffers more than <paramref name="largestObject"/> bytes for one object, so that a damaged length
/// field cannot make it read a whole large file into memory.
/// </summary>
internal sealed class MessagePackObjects(Stream stream, int largestObject)
{
    private byte[] _buffer = new byte[Math.Min(largestObject, 1 << 16)];
    private int _start;
    private int _end;
    private bool _streamEnded;

    /// <summary>Byte offset, from the start of the stream, of the object <see cref="Next"/> returns next.</summary>
    public long Offset { get; private set; }

    /// <summary>The bytes of the object last returned as <see cref="NextObject.Whole"/>.</summary>
    public ReadOnlyMemory<byte> Current { get; private set; }

    /// <summary>Up to <paramref name="count"/> bytes from the start of the object last returned, whatever follows it.</summary>
    public ReadOnlySpan<byte> Ahead(int count) => _buffer.AsSpan(_start, Math.Min(count, _end - _start));

    /// <summary>Bytes read from the stream so far: where the file ends once <see cref="Next"/> has met its end.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Why the bytes were not MessagePack, when <see cref="Next"/> said so.</summary>
    public string Problem { get; private set; } = "";

    public NextObject Next()
    {
        Offset += Current.Length;
        _start += Current.Length;
        Current = ReadOnlyMemory<byte>.Empty;
        while (true)
        {
            if (_end > _start && TryMeasure(out int length))
            {
                Current = new ReadOnlyMemory<byte>(_buffer, _start, length);
                return NextObject.Whole;
            }
            if (Problem.Length > 0) return NextObject.NotMessagePack;
            if (_streamEnded) return _end == _start ? NextObject.EndOfFile : NextObject.CutShort;
            if (_end - _start >= largestObject)
            {
                Problem = $"an object longer than {largestObject:N0} bytes, more than any this file holds";
                return NextObject.NotMessagePack;
            }
            Fill();
        }
    }

    // The length of the whole object at _start, false when the buffer holds only part of it.
    private bool TryMeasure(out int length)
    {
        var reader = new MessagePackReader(new ReadOnlyMemory<byte>(_buffer, _start, _end - _start));
        try
        {
            // Containers are counted rather than recursed into, so that a foreign file of nested array headers cannot
            // exhaust the stack.
            for (long pending = 1; pending > 0; pending--)
            {
                switch (reader.NextMessagePackType)
                {
                    case MessagePackType.Array: pending += reader.ReadArrayHeader(); break;
                    case MessagePackType.Map: pending += 2L * reader.ReadMapHeader(); break;
                    default: reader.Skip(); break;
                }
            }
            length = (int)reader.Consumed;
            return true;
        }
        catch (EndOfStreamException)
        {
            length = 0;
            return false;
        }
        catch (MessagePackSerializationException e)
        {
            Problem = e.Message;
            length = 0;
            return false;
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, Math.Min(largestObject, _buffer.Length * 2));
        int read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _streamEnded = true;
        _end += read;
        BytesRead += read;
    }
}
