using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CableTest.Storage.Outbox;

/// <summary>
/// Appends to a segment file around the page cache (Linux <c>O_DIRECT</c>): each group commit is written
/// from a block-aligned buffer straight to the device, then <c>fdatasync</c> makes it (and the file size it
/// changed) durable. Through the page cache the kernel first copied every byte into freshly allocated cache
/// pages, which on the bench's virtual machine was 45 % of the outbox path's CPU (docs/influx.md).
/// Direct writes must start and end on a block boundary, so the last, partly filled block is kept in memory
/// and written again, byte for byte the same at its start, in front of the next group; the rest of the last
/// block on disk is zeros, which <see cref="JournalSegment.Open"/> knows as padding. Rewriting the block
/// cannot lose what it held: whichever of its sectors a crash leaves old or new, the bytes before the new
/// records are the same.
/// </summary>
internal sealed partial class DirectAppender : IDisposable
{
    /// <summary>Alignment of offsets, lengths and the buffer: a page, at least every device's logical block.</summary>
    public const int Block = 4096;

    private const int EINTR = 4;
    private readonly SafeFileHandle handle;
    private readonly byte[] partial = new byte[Block];
    private int partialLength;
    private byte[] buffer = [];
    private int bufferStart;
    private int bufferCapacity;

    private DirectAppender(SafeFileHandle handle) => this.handle = handle;

    /// <summary>
    /// Opens <paramref name="path"/> for direct appends after its first <paramref name="length"/> bytes (read
    /// back through <paramref name="buffered"/> for the partial last block). Null where direct I/O is not
    /// available (not Linux, an architecture whose flag value is not known here, a file system that refuses it,
    /// such as tmpfs on older kernels), with the reason.
    /// </summary>
    public static DirectAppender? TryOpen(string path, SafeFileHandle buffered, long length, out string? whyNot)
    {
        whyNot = null;
        if (!OperatingSystem.IsLinux())
        {
            whyNot = "direct I/O is used on Linux only";
            return null;
        }

        var oDirect = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 or Architecture.X86 => 0x4000,
            Architecture.Arm64 or Architecture.Arm => 0x10000,
            _ => 0,
        };
        if (oDirect == 0)
        {
            whyNot = $"O_DIRECT's value is not known for {RuntimeInformation.ProcessArchitecture}";
            return null;
        }

        const int O_WRONLY = 1, O_CLOEXEC = 0x80000;
        int fd;
        while ((fd = Open(path, O_WRONLY | O_CLOEXEC | oDirect)) < 0 && Marshal.GetLastPInvokeError() == EINTR)
        {
        }

        if (fd < 0)
        {
            whyNot = $"the file system refused O_DIRECT (errno {Marshal.GetLastPInvokeError()})";
            return null;
        }

        var appender = new DirectAppender(new SafeFileHandle(fd, ownsHandle: true));
        appender.partialLength = (int)(length % Block);
        if (appender.partialLength > 0 && RandomAccess.Read(buffered, appender.partial.AsSpan(0, appender.partialLength), length - appender.partialLength) != appender.partialLength)
        {
            appender.Dispose();
            whyNot = "the segment's last block could not be read back";
            return null;
        }

        return appender;
    }

    /// <summary>
    /// Writes <paramref name="records"/> at <paramref name="length"/> (the segment's durable length) and makes
    /// them durable. On an error nothing counts as written and the next call rewrites the same blocks.
    /// </summary>
    public void AppendDurably(ReadOnlySpan<byte> records, long length)
    {
        var start = length - partialLength;
        var used = partialLength + records.Length;
        var padded = (used + Block - 1) / Block * Block;
        var span = Buffer(padded);
        partial.AsSpan(0, partialLength).CopyTo(span);
        records.CopyTo(span[partialLength..]);
        span[used..].Clear();
        RandomAccess.Write(handle, span, start);
        FileDataSync.Flush(handle);
        var keep = used % Block;
        span.Slice(used - keep, keep).CopyTo(partial);
        partialLength = keep;
    }

    /// <summary>
    /// Tests only: hands the next writes a buffer one byte off its alignment, which the kernel refuses with EINVAL, the
    /// error a file system with a larger block than <see cref="Block"/> gives, so the fallback is exercised for real.
    /// The buffer's spare block leaves room for the shift.
    /// </summary>
    internal bool MisalignedForTests { get; set; }

    public void Dispose() => handle.Dispose();

    /// <summary>A block-aligned span of <paramref name="size"/> bytes of a pinned buffer kept between appends.</summary>
    private Span<byte> Buffer(int size)
    {
        if (size > bufferCapacity)
        {
            var capacity = Math.Max(size, bufferCapacity * 2);
            buffer = GC.AllocateUninitializedArray<byte>(capacity + Block, pinned: true);
            bufferStart = AlignmentOffset(buffer);
            bufferCapacity = capacity;
        }

        return buffer.AsSpan(bufferStart + (MisalignedForTests ? 1 : 0), size);
    }

    private static unsafe int AlignmentOffset(byte[] pinned)
    {
        fixed (byte* p = pinned)
        {
            var misalignment = (int)((nuint)p % Block);
            return misalignment == 0 ? 0 : Block - misalignment;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);
}
