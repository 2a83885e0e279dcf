using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace CableTest.Storage.Outbox;

/// <summary>
/// One append-only segment file of the journal. Layout: an 8-byte header ("CTOBX", 0, 0, version 1)
/// then records: u32 payload length, u32 CRC-32 of the next 20 + length bytes, i64 sequence,
/// i64 appended-at (Unix ms), u8 precision, 3 reserved bytes, payload. Little-endian. Written around the
/// page cache where the file system allows (<see cref="DirectAppender"/>): then the file ends in zeros up to
/// the next 4 KiB boundary, which is padding, not a torn record.
/// </summary>
internal sealed class JournalSegment : IDisposable
{
    public const int HeaderSize = 8;
    public const int RecordHeaderSize = 28;
    public const int MaxPayload = 1 << 20;
    private static readonly byte[] Magic = [(byte)'C', (byte)'T', (byte)'O', (byte)'B', (byte)'X', 0, 0, 1];

    private const int EINVAL = 22;
    private readonly SafeFileHandle handle;
    private readonly bool writeDirectly;
    private DirectAppender? direct;

    private JournalSegment(string path, SafeFileHandle handle, long firstSequence, bool writeDirectly)
    {
        Path = path;
        this.handle = handle;
        FirstSequence = firstSequence;
        this.writeDirectly = writeDirectly;
    }

    /// <summary>
    /// Why appends go through the page cache although direct writes were asked for (set at the first append
    /// that could not open the file for them), else null.
    /// </summary>
    public string? DirectWritesRefused { get; private set; }

    /// <summary>Whether appends go around the page cache now: a direct handle is open (not after <see cref="StopAppending"/>).</summary>
    public bool WritesDirectly => direct is not null;

    /// <summary>Tests only: the direct-write appender while one is open.</summary>
    internal DirectAppender? DirectAppenderForTests => direct;

    public string Path { get; }

    /// <summary>Sequence of the first record this segment holds (or will hold).</summary>
    public long FirstSequence { get; }

    /// <summary>Sequence of the last durable record, or FirstSequence - 1 when empty.</summary>
    public long LastSequence { get; private set; }

    /// <summary>Durable length of the file in bytes.</summary>
    public long Length { get; private set; }

    /// <summary>Appended-at time of the first record (Unix ms), 0 when empty.</summary>
    public long FirstAppendedUnixMs { get; private set; }

    /// <summary>Appended-at time of the last record (Unix ms), 0 when empty.</summary>
    public long LastAppendedUnixMs { get; private set; }

    public bool IsEmpty => LastSequence < FirstSequence;

    public static string FileName(long firstSequence) => $"{firstSequence:D20}.seg";

    public static JournalSegment Create(string directory, long firstSequence, bool writeDirectly = false)
    {
        var path = System.IO.Path.Combine(directory, FileName(firstSequence));
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read);
        RandomAccess.Write(handle, Magic, 0);
        RandomAccess.FlushToDisk(handle);
        DirectorySync.Flush(directory);
        return new JournalSegment(path, handle, firstSequence, writeDirectly) { LastSequence = firstSequence - 1, Length = HeaderSize };
    }

    /// <summary>
    /// Opens a segment and validates every record. A bad or partial record at the end of the LAST
    /// segment is a torn write (the append never returned): the tail is cut off and counted. Anywhere
    /// else it is corruption, reported through <paramref name="corruption"/>. Zeros after the last record up to
    /// the file's end, when that end is on a <see cref="DirectAppender.Block"/> boundary less than a block away,
    /// are a direct write's padding: neither.
    /// </summary>
    public static JournalSegment Open(string path, long expectedFirstSequence, bool isLast, out int tornBytes, out string? corruption, bool writeDirectly = false)
    {
        tornBytes = 0;
        corruption = null;
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var segment = new JournalSegment(path, handle, expectedFirstSequence, writeDirectly) { LastSequence = expectedFirstSequence - 1 };
        var fileLength = RandomAccess.GetLength(handle);
        var header = new byte[HeaderSize];
        if (fileLength < HeaderSize || RandomAccess.Read(handle, header, 0) < HeaderSize || !header.AsSpan().SequenceEqual(Magic))
        {
            if (isLast && fileLength < HeaderSize)
            {
                // Crashed while creating the segment: rewrite its header.
                RandomAccess.Write(handle, Magic, 0);
                RandomAccess.SetLength(handle, HeaderSize);
                RandomAccess.FlushToDisk(handle);
                tornBytes = (int)fileLength;
                segment.Length = HeaderSize;
                return segment;
            }

            handle.Dispose();
            throw new InvalidDataException($"{path}: not a CableTest outbox segment (bad header)");
        }

        var data = new byte[fileLength];
        var read = 0;
        while (read < fileLength)
        {
            var n = RandomAccess.Read(handle, data.AsSpan(read), read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        var offset = (long)HeaderSize;
        while (offset < fileLength)
        {
            var ok = TryParse(data.AsSpan((int)offset), segment.LastSequence + 1, out var size, out var appendedAt);
            if (!ok)
            {
                break;
            }

            if (segment.IsEmpty)
            {
                segment.FirstAppendedUnixMs = appendedAt;
            }

            segment.LastSequence++;
            segment.LastAppendedUnixMs = appendedAt;
            offset += size;
        }

        segment.Length = offset;
        if (offset < fileLength && !IsPadding(data.AsSpan((int)offset), fileLength))
        {
            if (isLast)
            {
                tornBytes = (int)(fileLength - offset);
                RandomAccess.SetLength(handle, offset);
                RandomAccess.FlushToDisk(handle);
            }
            else
            {
                corruption = $"{path}: record after sequence {segment.LastSequence} (offset {offset}) is damaged; {fileLength - offset} bytes after it cannot be read";
            }
        }

        return segment;
    }

    /// <summary>What a direct write leaves after the last record: fewer than a block of zeros, ending on a block boundary.</summary>
    private static bool IsPadding(ReadOnlySpan<byte> rest, long fileLength) =>
        fileLength % DirectAppender.Block == 0 && rest.Length < DirectAppender.Block && !rest.ContainsAnyExcept((byte)0);

    /// <summary>Validates one record at the start of <paramref name="span"/> (length, CRC, sequence).</summary>
    public static bool TryParse(ReadOnlySpan<byte> span, long expectedSequence, out int size, out long appendedAt)
    {
        size = 0;
        appendedAt = 0;
        if (span.Length < RecordHeaderSize)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(span);
        if (length > MaxPayload || span.Length < RecordHeaderSize + (int)length)
        {
            return false;
        }

        var crc = BinaryPrimitives.ReadUInt32LittleEndian(span[4..]);
        var covered = span.Slice(8, 20 + (int)length);
        if (Crc32.Compute(covered) != crc || BinaryPrimitives.ReadInt64LittleEndian(span[8..]) != expectedSequence)
        {
            return false;
        }

        appendedAt = BinaryPrimitives.ReadInt64LittleEndian(span[16..]);
        size = RecordHeaderSize + (int)length;
        return true;
    }

    /// <summary>Encodes a record into <paramref name="destination"/>; returns its size.</summary>
    public static int Encode(Span<byte> destination, long sequence, long appendedAtUnixMs, byte precision, ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)payload.Length);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], sequence);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], appendedAtUnixMs);
        destination[24] = precision;
        destination[25] = destination[26] = destination[27] = 0;
        payload.CopyTo(destination[RecordHeaderSize..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Crc32.Compute(destination.Slice(8, 20 + payload.Length)));
        return RecordHeaderSize + payload.Length;
    }

    /// <summary>
    /// Appends encoded records and makes them durable (fdatasync, see <see cref="FileDataSync"/>) before
    /// returning: around the page cache when the segment was opened to write directly and the file system
    /// allows it, else through it. A file system that refuses a direct write as invalid (an unusual block size)
    /// gets this and every later append through the page cache; any other error is the caller's.
    /// </summary>
    public void AppendDurably(ReadOnlySpan<byte> records, long lastSequence, long firstAppendedUnixMs)
    {
        if (writeDirectly && direct is null && DirectWritesRefused is null)
        {
            direct = DirectAppender.TryOpen(Path, handle, Length, out var whyNot);
            DirectWritesRefused = whyNot;
        }

        if (direct is not null)
        {
            try
            {
                direct.AppendDurably(records, Length);
            }
            catch (IOException e) when (e.HResult == EINVAL)
            {
                direct.Dispose();
                direct = null;
                DirectWritesRefused = "the file system refused a direct write: " + e.Message;
            }
        }

        if (direct is null)
        {
            RandomAccess.Write(handle, records, Length);
            FileDataSync.Flush(handle);
        }

        if (IsEmpty)
        {
            FirstAppendedUnixMs = firstAppendedUnixMs;
        }

        Length += records.Length;
        LastSequence = lastSequence;
        LastAppendedUnixMs = firstAppendedUnixMs;
    }

    /// <summary>
    /// The segment is closed for appends (a newer one took over): gives back the direct-write handle and its
    /// buffer, which a retained segment would otherwise hold for <see cref="OutboxOptions.RetainDelivered"/>.
    /// </summary>
    public void StopAppending()
    {
        direct?.Dispose();
        direct = null;
    }

    public int Read(long offset, Span<byte> destination) => RandomAccess.Read(handle, destination, offset);

    public void Dispose()
    {
        direct?.Dispose();
        handle.Dispose();
    }
}
