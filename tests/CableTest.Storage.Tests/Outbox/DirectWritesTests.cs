using System.Text;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Outbox;
using CableTest.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CableTest.Storage.Tests.Outbox;

/// <summary>
/// The journal written around the page cache (O_DIRECT): whole blocks from an aligned buffer, the last block
/// rewritten with the next group in front of it, zeros after the last record. Real files in a temp directory;
/// every test reopens the journal as a restarted service would and reads back what it took.
/// </summary>
public sealed class DirectWritesTests : IDisposable
{
    private readonly TempDirectory dir = new("outbox-direct");
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-12-03T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ListLogger log = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Segment_OnThisMachinesTempDirectory_WritesDirectly_WholeBlocksZeroPadded()
    {
        using var segment = JournalSegment.Create(dir.Path, 1, writeDirectly: true);
        var record = Record(1, Line(1));
        segment.AppendDurably(record, 1, 0);

        if (OperatingSystem.IsLinux())
        {
            // The bench's and CI's temp directories are on ext4: a refusal here would hide the CPU cost again.
            Assert.True(segment.WritesDirectly, segment.DirectWritesRefused);
            var bytes = File.ReadAllBytes(segment.Path);
            Assert.Equal(DirectAppender.Block, bytes.Length);
            Assert.Equal(JournalSegment.HeaderSize + record.Length, segment.Length);
            Assert.Equal(record, bytes[JournalSegment.HeaderSize..(int)segment.Length]);
            Assert.DoesNotContain(bytes[(int)segment.Length..], b => b != 0);
        }
    }

    [Fact]
    public void StoppedAppending_GivesBackTheDirectHandle_AndALaterAppendStillContinuesTheFile()
    {
        using (var segment = JournalSegment.Create(dir.Path, 1, writeDirectly: true))
        {
            segment.AppendDurably(Record(1, Line(1)), 1, 0);
            segment.StopAppending();
            Assert.False(segment.WritesDirectly);
            segment.AppendDurably(Record(2, Line(2)), 2, 0);
        }

        using var reopened = JournalSegment.Open(Directory.GetFiles(dir.Path, "*.seg").Single(), 1, isLast: true, out var torn, out var corruption);
        Assert.Equal((0, null, 2L), (torn, corruption, reopened.LastSequence));
    }

    [Fact]
    public void DirectWriteRefusedAsInvalid_ThatAppendAndTheNextGoThroughThePageCache_NothingLostOrTorn()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var path = "";
        using (var segment = JournalSegment.Create(dir.Path, 1, writeDirectly: true))
        {
            path = segment.Path;
            segment.AppendDurably(Record(1, Line(1)), 1, 0);
            Assert.True(segment.WritesDirectly, segment.DirectWritesRefused);

            // A real EINVAL from the kernel: the direct write's buffer is one byte off its alignment.
            segment.DirectAppenderForTests!.MisalignedForTests = true;
            segment.AppendDurably(Record(2, Line(2)), 2, 0);
            Assert.False(segment.WritesDirectly, $"{dir.Path} took a misaligned direct write: this test needs a file system that refuses one (ext4 does, tmpfs does not)");
            Assert.StartsWith("the file system refused a direct write", segment.DirectWritesRefused, StringComparison.Ordinal);
            segment.AppendDurably(Record(3, Line(3)), 3, 0);
            Assert.Equal(3, segment.LastSequence);
        }

        // The page-cache writes went over the first direct write's padding, inside its block: the file keeps that
        // block's length (or ends at the last record once past it), and what is left of the padding is neither
        // torn nor corrupt.
        var expectedLength = JournalSegment.HeaderSize + (3 * JournalSegment.RecordHeaderSize) + Line(1).Length + Line(2).Length + Line(3).Length;
        Assert.Equal(Math.Max(expectedLength, DirectAppender.Block), new FileInfo(path).Length);
        using var reopened = JournalSegment.Open(path, 1, isLast: true, out var torn, out var corruption);
        Assert.Equal((0, null, 3L, (long)expectedLength), (torn, corruption, reopened.LastSequence, reopened.Length));
    }

    [Fact]
    public async Task DirectWriteRefusedAsInvalid_InTheOutbox_SaidOnce_EveryReadingReadBackInOrder()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var expected = new List<byte[]>();
        await using (var outbox = Open(Options()))
        {
            await outbox.AppendAsync(Line(1), WritePrecision.Ns, default);
            expected.Add(Line(1).ToArray());
            outbox.ActiveSegmentForTests.DirectAppenderForTests!.MisalignedForTests = true;
            for (var i = 2; i <= 60; i++)
            {
                // 60 lines of ~600 bytes cross the 16 KiB segments: the refused one goes on through the page cache,
                // the next ones open their own direct handle (not misaligned) and write directly again.
                var line = Encoding.ASCII.GetBytes($"m,pad={new string('x', 560)} v={i}i");
                await outbox.AppendAsync(line, WritePrecision.Ns, default);
                expected.Add(line);
            }

            Assert.True(outbox.ActiveSegmentForTests.WritesDirectly, outbox.ActiveSegmentForTests.DirectWritesRefused);
        }

        Assert.True(Directory.GetFiles(dir.Path, "*.seg").Length > 1, "the test must cross a segment");
        Assert.Single(log.AtLeast(LogLevel.Information), m => m.Contains("through the page cache", StringComparison.Ordinal) && m.Contains("refused a direct write", StringComparison.Ordinal));
        await using var reopened = Open(Options());
        Assert.Equal(0, reopened.GetStatus().TornRecordsDiscarded);
        Assert.Equal(expected, reopened.Read("influx", 1000, 1 << 20).Select(r => r.Payload.ToArray()));
        Assert.Empty(log.AtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task Padding_IsNeitherTornNorCorrupt_AndAppendsAfterAReopenContinueInsideTheLastBlock()
    {
        await using (var outbox = Open(Options()))
        {
            for (var i = 1; i <= 3; i++)
            {
                await outbox.AppendAsync(Line(i), WritePrecision.Ns, default);
            }
        }

        await using (var outbox = Open(Options()))
        {
            Assert.Equal(0, outbox.GetStatus().TornRecordsDiscarded);
            Assert.Equal(4, await outbox.AppendAsync(Line(4), WritePrecision.Ns, default));
        }

        await using var reopened = Open(Options());
        Assert.Equal(0, reopened.GetStatus().TornRecordsDiscarded);
        Assert.Equal(Enumerable.Range(1, 4).Select(i => Line(i).ToArray()), reopened.Read("influx", 10, 1 << 20).Select(r => r.Payload.ToArray()));
        Assert.Empty(log.AtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task ManyGroupsAndReopens_DirectAndThroughThePageCacheByTurns_EveryRecordReadBackInOrder()
    {
        // Lines of 1 byte to 9 KB: groups that end anywhere in a block, fill several, or cross segments (16 KiB),
        // so closed segments end in padding too; every third opening writes through the page cache over what the
        // direct writes left, and the next direct one reads its partial block back from that.
        var random = new Random(20261203);
        var expected = new List<byte[]>();
        for (var round = 0; round < 30; round++)
        {
            await using var outbox = Open(Options(directWrites: round % 3 != 2));
            Assert.Equal(0, outbox.GetStatus().TornRecordsDiscarded);
            for (var group = random.Next(1, 6); group > 0; group--)
            {
                var lines = Enumerable.Range(0, random.Next(1, 8)).Select(_ => RandomLine(random)).ToList();
                await outbox.AppendBatchAsync([.. lines.Select(l => (ReadOnlyMemory<byte>)l)], WritePrecision.Ns, default);
                expected.AddRange(lines);
            }
        }

        Assert.True(Directory.GetFiles(dir.Path, "*.seg").Length > 3, "the test must close segments");
        await using var last = Open(Options());
        Assert.Equal(0, last.GetStatus().TornRecordsDiscarded);
        var read = last.Read("influx", 100_000, 1 << 30);
        Assert.Equal(expected.Count, read.Count);
        Assert.Equal(expected, read.Select(r => r.Payload.ToArray()));
        Assert.Equal(Enumerable.Range(1, expected.Count).Select(i => (long)i), read.Select(r => r.Sequence));
        Assert.Empty(log.AtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task CrashMidDirectWrite_GarbageInTheLastBlocks_IsCutOffAsTorn_EarlierRecordsSurvive()
    {
        await using (var outbox = Open(Options()))
        {
            await outbox.AppendAsync(Line(1), WritePrecision.Ns, default);
            await outbox.AppendAsync(Line(2), WritePrecision.Ns, default);
        }

        // A direct write of the next group that reached the device only in part: its first bytes after record 2,
        // and a block beyond that, written; the rest of the file never was.
        var path = Directory.GetFiles(dir.Path, "*.seg").Single();
        var bytes = File.ReadAllBytes(path);
        var end = DurableOutboxTests.RecordsEnd(bytes);
        var torn = new byte[(2 * DirectAppender.Block) - end];
        new Random(7).NextBytes(torn);
        File.WriteAllBytes(path, [.. bytes[..end], .. torn]);

        await using (var reopened = Open(Options()))
        {
            Assert.True(reopened.GetStatus().TornRecordsDiscarded > 0);
            Assert.Equal(3, await reopened.AppendAsync(Line(3), WritePrecision.Ns, default));
        }

        await using var again = Open(Options());
        Assert.Equal(0, again.GetStatus().TornRecordsDiscarded);
        Assert.Equal(Enumerable.Range(1, 3).Select(i => Line(i).ToArray()), again.Read("influx", 10, 1 << 20).Select(r => r.Payload.ToArray()));
    }

    [Fact]
    public async Task ZerosPastABlock_AreNotPadding_OnTheLastSegmentTheyAreATornTail()
    {
        await using (var outbox = Open(Options()))
        {
            await outbox.AppendAsync(Line(1), WritePrecision.Ns, default);
        }

        // A whole block of zeros more than a direct write leaves: not what this journal writes.
        var path = Directory.GetFiles(dir.Path, "*.seg").Single();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, [.. bytes, .. new byte[DirectAppender.Block]]);

        await using var reopened = Open(Options());
        Assert.True(reopened.GetStatus().TornRecordsDiscarded >= DirectAppender.Block);
        Assert.Single(reopened.Read("influx", 10, 1 << 20));
    }

    [Fact]
    public async Task DirectWritesOff_TheFileEndsAtItsLastRecord()
    {
        await using (var outbox = Open(Options(directWrites: false)))
        {
            await outbox.AppendAsync(Line(1), WritePrecision.Ns, default);
            await outbox.AppendAsync(Line(2), WritePrecision.Ns, default);
        }

        var bytes = File.ReadAllBytes(Directory.GetFiles(dir.Path, "*.seg").Single());
        Assert.Equal(JournalSegment.HeaderSize + (2 * JournalSegment.RecordHeaderSize) + Line(1).Length + Line(2).Length, bytes.Length);
    }

    private OutboxOptions Options(bool directWrites = true) => new()
    {
        Directory = dir.Path,
        MaxBytes = 64 << 20,
        SegmentBytes = 16 << 10,
        MaxAge = TimeSpan.FromHours(1),
        RetainDelivered = TimeSpan.FromDays(1),
        DirectWrites = directWrites,
    };

    private DurableOutbox Open(OutboxOptions options) => DurableOutbox.Open(options, ["influx"], time, log);

    private static byte[] Record(long sequence, ReadOnlyMemory<byte> line)
    {
        var record = new byte[JournalSegment.RecordHeaderSize + line.Length];
        JournalSegment.Encode(record, sequence, 0, (byte)WritePrecision.Ns, line.Span);
        return record;
    }

    private static ReadOnlyMemory<byte> Line(int i) => Encoding.UTF8.GetBytes($"m,core={i % 4} v={i}i {1_700_000_000_000_000_000L + i}");

    private static byte[] RandomLine(Random random)
    {
        var length = random.Next(3) switch { 0 => random.Next(1, 40), 1 => random.Next(40, 900), _ => random.Next(900, 9000) };
        return Encoding.ASCII.GetBytes($"m,t={new string((char)('a' + random.Next(26)), length)} v={random.Next()}i");
    }

    /// <summary>The outbox's log, kept to assert that padding is never reported as torn or damaged.</summary>
    private sealed class ListLogger : ILogger
    {
        private readonly List<(LogLevel Level, string Message)> entries = [];

        public IEnumerable<string> AtLeast(LogLevel level)
        {
            lock (entries)
            {
                return [.. entries.Where(e => e.Level >= level).Select(e => e.Message)];
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (entries)
            {
                entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
