using System.Buffers.Binary;

namespace CableTest.Service.Reports;

/// <summary>
/// One face of a TrueType collection (.ttc, "ttcf") as a stand-alone font file: PDFsharp reads single fonts only, and
/// the CJK fonts of Linux and Windows ship as collections (wqy-microhei.ttc, msyh.ttc). The face's table directory is
/// copied with its tables placed after it; table data and checksums are unchanged. A single font is returned as it is.
/// </summary>
internal static class TrueTypeCollection
{
    private const uint CollectionTag = 0x74746366; // "ttcf"

    public static bool IsCollection(ReadOnlySpan<byte> file) => file.Length >= 12 && BinaryPrimitives.ReadUInt32BigEndian(file) == CollectionTag;

    /// <summary>The number of faces in a collection (1 for a single font).</summary>
    public static int FaceCount(ReadOnlySpan<byte> file) => IsCollection(file) ? checked((int)BinaryPrimitives.ReadUInt32BigEndian(file[8..])) : 1;

    /// <exception cref="InvalidDataException">The collection is truncated or has no face <paramref name="index"/>.</exception>
    public static byte[] Face(byte[] file, int index)
    {
        if (!IsCollection(file))
        {
            return file;
        }

        var span = (ReadOnlySpan<byte>)file;
        var count = FaceCount(span);
        if (index < 0 || index >= count || 12 + (4 * count) > file.Length)
        {
            throw new InvalidDataException($"the font collection has {count} faces; there is no face {index}");
        }

        var at = Offset(span, 12 + (4 * index));
        var tables = Read16(span, at + 4);
        var directory = 12 + (16 * tables);
        Check(file, at, directory);
        var total = directory;
        for (var i = 0; i < tables; i++)
        {
            var length = Offset(span, at + 12 + (16 * i) + 12);
            total = checked(total + Padded(length));
        }

        var face = new byte[total];
        span.Slice(at, directory).CopyTo(face);
        var position = directory;
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + (16 * i);
            var offset = Offset(span, at + record + 8);
            var length = Offset(span, at + record + 12);
            Check(file, offset, length);
            span.Slice(offset, length).CopyTo(face.AsSpan(position));
            BinaryPrimitives.WriteUInt32BigEndian(face.AsSpan(record + 8), (uint)position);
            position += Padded(length);
        }

        return face;
    }

    private static int Padded(int length) => checked((length + 3) & ~3);

    private static int Read16(ReadOnlySpan<byte> file, int at)
    {
        if (at < 0 || at + 2 > file.Length)
        {
            throw new InvalidDataException("the font collection is truncated");
        }

        return BinaryPrimitives.ReadUInt16BigEndian(file[at..]);
    }

    private static int Offset(ReadOnlySpan<byte> file, int at)
    {
        if (at < 0 || at + 4 > file.Length)
        {
            throw new InvalidDataException("the font collection is truncated");
        }

        var value = BinaryPrimitives.ReadUInt32BigEndian(file[at..]);
        return value <= int.MaxValue ? (int)value : throw new InvalidDataException("the font collection has an offset past 2 GB");
    }

    private static void Check(byte[] file, int offset, int length)
    {
        if (offset < 0 || length < 0 || (long)offset + length > file.Length)
        {
            throw new InvalidDataException("the font collection is truncated");
        }
    }
}
