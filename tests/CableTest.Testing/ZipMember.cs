using System.IO.Compression;

namespace CableTest.Testing;

/// <summary>Archives with one member changed, for tests of what checks them (evidence bundles).</summary>
public static class ZipMember
{
    /// <summary>
    /// <paramref name="archive"/> rewritten with one byte of <paramref name="member"/> XORed with <paramref name="mask"/>:
    /// the byte at <paramref name="position"/> of the member's length.
    /// </summary>
    public static byte[] WithByteFlipped(byte[] archive, string member, Func<int, int> position, byte mask)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = entry.Open();
                using var buffer = new MemoryStream();
                read.CopyTo(buffer);
                var bytes = buffer.ToArray();
                if (entry.FullName == member)
                {
                    bytes[position(bytes.Length)] ^= mask;
                }

                using var write = target.CreateEntry(entry.FullName).Open();
                write.Write(bytes);
            }
        }

        return output.ToArray();
    }
}
