using System.Text;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Outbox;
using CableTest.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CableTest.Storage.Tests.Outbox;

/// <summary>Group commit of concurrent appends, lazy cursors, and the retained delivered window.</summary>
public sealed class GroupCommitAndRetentionTests : IDisposable
{
    private readonly TempDirectory dir = new("outbox");
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-11-24T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => dir.Dispose();

    private DurableOutbox Open(TimeSpan retain, long segmentBytes = 4096, long maxBytes = 1 << 20) => DurableOutbox.Open(
        new OutboxOptions { Directory = dir.Path, SegmentBytes = segmentBytes, MaxBytes = maxBytes, MaxAge = TimeSpan.FromHours(1), RetainDelivered = retain },
        ["influx"], time, NullLogger.Instance);

    private static ReadOnlyMemory<byte> Line(int i) => Encoding.UTF8.GetBytes($"m,core={i % 4} v={i}i {1_700_000_000_000_000_000L + i}");

    [Fact]
    public void Crc32_IsTheIeeeCheckValue()
    {
        // The CRC-32 check value (IEEE 802.3) of "123456789": journals written by the table-driven loop stay readable.
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Fact]
    public async Task ConcurrentAppends_EachGetsItsOwnSequences_AndAllSurviveAReopen()
    {
        const int writers = 16, perWriter = 50;
        var sequences = new System.Collections.Concurrent.ConcurrentBag<(int Writer, int Index, long Sequence)>();
        await using (var outbox = Open(TimeSpan.Zero, segmentBytes: 8192))
        {
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < perWriter; i++)
                {
                    sequences.Add((w, i, await outbox.AppendAsync(Line((w * 1000) + i), WritePrecision.Ns, default)));
                }
            })));
            Assert.True(Directory.GetFiles(dir.Path, "*.seg").Length > 1, "the test must cross segment boundaries");
        }

        Assert.Equal(writers * perWriter, sequences.Select(s => s.Sequence).Distinct().Count());
        // Each writer's readings are journalled in the order it took them.
        Assert.All(sequences.GroupBy(s => s.Writer), g => Assert.Equal(g.OrderBy(s => s.Index).Select(s => s.Sequence), g.OrderBy(s => s.Sequence).Select(s => s.Sequence)));

        await using var reopened = Open(TimeSpan.Zero, segmentBytes: 8192);
        var all = reopened.Read("influx", 10_000, 1 << 24);
        Assert.Equal(writers * perWriter, all.Count);
        var bySequence = sequences.ToDictionary(s => s.Sequence);
        Assert.All(all, r => Assert.Equal(Line((bySequence[r.Sequence].Writer * 1000) + bySequence[r.Sequence].Index).ToArray(), r.Payload.ToArray()));
    }

    [Fact]
    public async Task ConcurrentAppends_OneRefusedAtTheBound_OthersStillTaken()
    {
        await using var outbox = Open(TimeSpan.Zero, segmentBytes: 4096, maxBytes: 8192);
        var big = Enumerable.Range(0, 200).Select(Line).ToList();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                return (object)await outbox.AppendAsync(Line(i), WritePrecision.Ns, default);
            }
            catch (OutboxFullException e)
            {
                return e;
            }
        }).Append(Task.Run(async () =>
        {
            try
            {
                return (object)await outbox.AppendBatchAsync(big, WritePrecision.Ns, default);
            }
            catch (OutboxFullException e)
            {
                return e;
            }
        })));

        Assert.IsType<OutboxFullException>(results[^1]);
        Assert.All(results[..^1], r => Assert.IsType<long>(r));
        Assert.Equal(8, outbox.GetStatus().LastSequence);
    }

    [Fact]
    public async Task DeliveredSegments_KeptForTheWindow_ThenDeleted()
    {
        await using var outbox = Open(TimeSpan.FromMinutes(15));
        for (var i = 1; i <= 300; i++)
        {
            await outbox.AppendAsync(Line(i), WritePrecision.Ns, default);
        }

        var segments = Directory.GetFiles(dir.Path, "*.seg").Length;
        Assert.True(segments > 2);
        outbox.Read("influx", 1000, 1 << 20);
        outbox.Commit("influx", 300, 300);
        Assert.Equal(0, outbox.GetStatus().Depth);
        Assert.Equal(segments, Directory.GetFiles(dir.Path, "*.seg").Length);

        time.Advance(TimeSpan.FromMinutes(16));
        outbox.SyncCursors();
        Assert.Single(Directory.GetFiles(dir.Path, "*.seg"));
    }

    [Fact]
    public async Task Redeliver_ReadsTheRetainedWindowAgain_WithoutMovingTheCursorBack()
    {
        await using var outbox = Open(TimeSpan.FromMinutes(15));
        for (var i = 1; i <= 100; i++)
        {
            await outbox.AppendAsync(Line(i), WritePrecision.Ns, default);
        }

        outbox.Commit("influx", outbox.Read("influx", 1000, 1 << 20)[^1].Sequence, 100);
        await outbox.AppendAsync(Line(101), WritePrecision.Ns, default);

        Assert.Equal(100, outbox.Redeliver("influx"));
        var again = outbox.Read("influx", 1000, 1 << 20);
        Assert.Equal(Enumerable.Range(1, 101).Select(i => (long)i), again.Select(r => r.Sequence));
        Assert.Equal(1, outbox.GetStatus().Depth);
        outbox.Commit("influx", 50, 50);
        Assert.Equal(100, outbox.GetStatus().ConsumerPositions["influx"]);
        outbox.Commit("influx", 101, 101);
        Assert.Equal(0, outbox.GetStatus().Depth);
    }

    [Fact]
    public async Task ReadDelivered_GivesTheNewestDeliveredRecordsOnDisk_AndNothingWhileRedelivering()
    {
        // Small segments, so the delivered records span several files.
        await using var outbox = Open(TimeSpan.FromMinutes(15), segmentBytes: 1024);
        for (var i = 1; i <= 120; i++)
        {
            await outbox.AppendAsync(Line(i), WritePrecision.Ns, default);
        }

        Assert.Empty(outbox.ReadDelivered("influx", 1000));
        outbox.Read("influx", 90, 1 << 20);
        outbox.Commit("influx", 90, 90);

        Assert.Equal(Enumerable.Range(1, 90).Select(i => (long)i), outbox.ReadDelivered("influx", 1000).Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(71, 20).Select(i => (long)i), outbox.ReadDelivered("influx", 20).Select(r => r.Sequence));
        Assert.Equal("m,core=2 v=90i 1700000000000000090", Encoding.UTF8.GetString(outbox.ReadDelivered("influx", 1)[0].Payload.Span));

        // Reading them did not move the consumer: it goes on at 91.
        Assert.Equal(91, outbox.Read("influx", 1, 1 << 20)[0].Sequence);
        outbox.Rewind("influx");
        Assert.False(outbox.IsRedelivering("influx"));
        outbox.Redeliver("influx");
        Assert.True(outbox.IsRedelivering("influx"));
        Assert.Empty(outbox.ReadDelivered("influx", 1000));
    }

    [Fact]
    public async Task RetainedSegments_GiveWayToNewReadings_AtTheByteBound()
    {
        await using var outbox = Open(TimeSpan.FromMinutes(15), segmentBytes: 4096, maxBytes: 8192);
        var taken = 0;
        while (outbox.GetStatus().Bytes < 7000)
        {
            await outbox.AppendAsync(Line(++taken), WritePrecision.Ns, default);
        }

        outbox.Commit("influx", outbox.Read("influx", 1000, 1 << 20)[^1].Sequence, taken);
        for (var i = 0; i < 50; i++)
        {
            await outbox.AppendAsync(Line(++taken), WritePrecision.Ns, default);
        }

        Assert.True(outbox.GetStatus().Bytes <= 8192);
        Assert.Equal(50, outbox.GetStatus().Depth);
    }

    [Fact]
    public async Task Commit_CursorFileWrittenAtMostEverySyncInterval_AndOnDispose()
    {
        var options = new OutboxOptions { Directory = dir.Path, SegmentBytes = 4096, MaxBytes = 1 << 20, MaxAge = TimeSpan.FromHours(1), RetainDelivered = TimeSpan.Zero };
        await using (var outbox = DurableOutbox.Open(options, ["influx"], time, NullLogger.Instance))
        {
            for (var i = 1; i <= 10; i++)
            {
                await outbox.AppendAsync(Line(i), WritePrecision.Ns, default);
            }

            outbox.Read("influx", 10, 1 << 20);
            outbox.Commit("influx", 3, 3);
            outbox.Commit("influx", 6, 3);
            Assert.Equal("3", File.ReadAllText(Path.Combine(dir.Path, "influx.cursor")));
            time.Advance(options.CursorSyncInterval);
            outbox.Commit("influx", 8, 2);
            Assert.Equal("8", File.ReadAllText(Path.Combine(dir.Path, "influx.cursor")));
            outbox.Commit("influx", 9, 1);
        }

        Assert.Equal("9", File.ReadAllText(Path.Combine(dir.Path, "influx.cursor")));
    }
}
