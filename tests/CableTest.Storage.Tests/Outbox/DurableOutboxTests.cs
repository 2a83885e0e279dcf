using System.Text;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Outbox;
using CableTest.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CableTest.Storage.Tests.Outbox;

public sealed class DurableOutboxTests : IDisposable
{
    private readonly TempDirectory dir = new("outbox");
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-11-24T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => dir.Dispose();

    private OutboxOptions Options(long maxBytes = 1 << 20, long segmentBytes = 4096, TimeSpan retainDelivered = default) => new()
    {
        Directory = dir.Path,
        MaxBytes = maxBytes,
        SegmentBytes = segmentBytes,
        MaxAge = TimeSpan.FromHours(1),
        RetainDelivered = retainDelivered,
    };

    private DurableOutbox Open(OutboxOptions? options = null, params string[] consumers) =>
        DurableOutbox.Open(options ?? Options(), consumers.Length == 0 ? ["influx"] : consumers, time, NullLogger.Instance);

    /// <summary>Where the last record ends: direct writes pad a segment with zeros to a 4 KiB boundary (a line never ends in a zero byte).</summary>
    internal static int RecordsEnd(byte[] segment)
    {
        var end = segment.Length;
        while (end > 0 && segment[end - 1] == 0)
        {
            end--;
        }

        return end;
    }

    private static ReadOnlyMemory<byte> Line(int i) => Encoding.UTF8.GetBytes($"m,core={i % 4} v={i}i {1_700_000_000_000_000_000L + i}");

    [Fact]
    public async Task Append_ThenRead_ReturnsRecordsInOrderWithTheirBytes()
    {
        await using var outbox = Open();
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(i, await outbox.AppendAsync(Line(i), WritePrecision.Ns, default));
        }

        var batch = outbox.Read("influx", 100, 1 << 20);
        Assert.Equal([1L, 2, 3, 4, 5], batch.Select(r => r.Sequence));
        Assert.Equal(Line(3).ToArray(), batch[2].Payload.ToArray());
        Assert.Equal(5, outbox.GetStatus().Depth);
    }

    [Fact]
    public async Task Read_ManyGroupCommits_OlderOnesFromDiskNewerFromMemory_SameRecordsAsAfterReopen()
    {
        // 400 separate appends: more group commits than the outbox keeps in memory, so the first
        // reads come from the segment file and the later ones from the copy of what was just written.
        const int count = 400;
        var options = Options(segmentBytes: 1 << 20);
        List<(long Sequence, byte[] Payload)> live;
        await using (var outbox = Open(options))
        {
            for (var i = 1; i <= count; i++)
            {
                await outbox.AppendAsync(Line(i), WritePrecision.Ns, default);
            }

            live = [.. ReadAll(outbox).Select(r => (r.Sequence, r.Payload.ToArray()))];
        }

        await using var reopened = Open(options);
        List<(long Sequence, byte[] Payload)> fromDisk = [.. ReadAll(reopened).Select(r => (r.Sequence, r.Payload.ToArray()))];
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), live.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(1, count).Select(i => Line(i).ToArray()), live.Select(r => r.Payload));
        Assert.Equal(fromDisk.Select(r => r.Sequence), live.Select(r => r.Sequence));
        Assert.Equal(fromDisk.Select(r => r.Payload), live.Select(r => r.Payload));

        static List<OutboxRecord> ReadAll(DurableOutbox outbox)
        {
            var all = new List<OutboxRecord>();
            IReadOnlyList<OutboxRecord> batch;
            while ((batch = outbox.Read("influx", 7, 1 << 20)).Count > 0)
            {
                all.AddRange(batch);
            }

            return all;
        }
    }

    [Fact]
    public async Task Reopen_WithoutCommit_RedeliversEverything_AndAfterCommitOnlyTheRest()
    {
        await using (var outbox = Open())
        {
            for (var i = 1; i <= 10; i++)
            {
                await outbox.AppendAsync(Line(i), WritePrecision.Ns, default);
            }

            outbox.Read("influx", 4, 1 << 20);
        }

        await using (var outbox = Open())
        {
            var batch = outbox.Read("influx", 4, 1 << 20);
            Assert.Equal(1, batch[0].Sequence);
            outbox.Commit("influx", batch[^1].Sequence, batch.Count);
        }

        await using (var outbox = Open())
        {
            var rest = outbox.Read("influx", 100, 1 << 20);
            Assert.Equal(Enumerable.Range(5, 6).Select(i => (long)i), rest.Select(r => r.Sequence));
            Assert.Equal(6, outbox.GetStatus().Depth);
        }
    }

    [Fact]
    public async Task TornTail_AfterCrashMidAppend_IsCutOff_AndEarlierRecordsSurvive()
    {
        await using (var outbox = Open())
        {
            for (var i = 1; i <= 3; i++)
            {
                await outbox.AppendAsync(Line(i), WritePrecision.Ns, default);
            }
        }

        var segment = Directory.GetFiles(dir.Path, "*.seg").Single();
        var bytes = File.ReadAllBytes(segment);
        // Simulate the process dying half-way through writing record 3 (and the file ending there).
        File.WriteAllBytes(segment, bytes[..(RecordsEnd(bytes) - 10)]);

        await using var reopened = Open();
        var status = reopened.GetStatus();
        Assert.Equal(2, status.LastSequence);
        Assert.True(status.TornRecordsDiscarded > 0);
        Assert.Equal(3, await reopened.AppendAsync(Line(99), WritePrecision.Ns, default));
        Assert.Equal(Line(99).ToArray(), reopened.Read("influx", 10, 1 << 20)[2].Payload.ToArray());
    }

    [Fact]
    public async Task CorruptByteInLastRecord_IsTreatedAsTorn_NotAsData()
    {
        await using (var outbox = Open())
        {
            await outbox.AppendAsync(Line(1), WritePrecision.Ns, default);
            await outbox.AppendAsync(Line(2), WritePrecision.Ns, default);
        }

        var segment = Directory.GetFiles(dir.Path, "*.seg").Single();
        var bytes = File.ReadAllBytes(segment);
        bytes[RecordsEnd(bytes) - 3] ^= 0xFF;
        File.WriteAllBytes(segment, bytes);

        await using var reopened = Open();
        var records = reopened.Read("influx", 10, 1 << 20);
        Assert.Single(records);
        Assert.Equal(Line(1).ToArray(), records[0].Payload.ToArray());
    }

    [Fact]
    public async Task Full_ByBytes_RefusesNewReadingsLoudly_AndKeepsTheOldOnes()
    {
        await using var outbox = Open(Options(maxBytes: 8192, segmentBytes: 4096));
        var taken = 0;
        var e = await Assert.ThrowsAsync<OutboxFullException>(async () =>
        {
            for (var i = 1; i < 10_000; i++)
            {
                await outbox.AppendAsync(Line(i), WritePrecision.Ns, default);
                taken++;
            }
        });

        Assert.Contains("Outbox:MaxBytes", e.Message);
        Assert.Equal(OutboxAlarm.Full, outbox.GetStatus().Alarm);
        Assert.Equal(taken, outbox.Read("influx", 100_000, 1 << 30).Count);
    }

    [Fact]
    public async Task Alarm_RisesThroughWarningAndCritical_BeforeFull()
    {
        await using var outbox = Open(Options(maxBytes: 10_000, segmentBytes: 4096));
        var seen = new HashSet<OutboxAlarm>();
        try
        {
            for (var i = 1; i < 10_000; i++)
            {
                await outbox.AppendAsync(Line(i), WritePrecision.Ns, default);
                seen.Add(outbox.GetStatus().Alarm);
            }
        }
        catch (OutboxFullException)
        {
        }

        Assert.Contains(OutboxAlarm.Warning, seen);
        Assert.Contains(OutboxAlarm.Critical, seen);
    }

    [Fact]
    public async Task Full_ByAge_WhenUndeliveredReadingsGetTooOld()
    {
        await using var outbox = Open();
        await outbox.AppendAsync(Line(1), WritePrecision.Ns, default);
        time.Advance(TimeSpan.FromMinutes(45));
        Assert.Equal(OutboxAlarm.Warning, outbox.GetStatus().Alarm);
        time.Advance(TimeSpan.FromMinutes(20));
        var e = await Assert.ThrowsAsync<OutboxFullException>(() => outbox.AppendAsync(Line(2), WritePrecision.Ns, default).AsTask());
        Assert.Contains("Outbox:MaxAge", e.Message);
    }

    [Fact]
    public async Task Segments_DeletedOnlyWhenEveryConsumerHasPassedThem()
    {
        await using var outbox = Open(Options(segmentBytes: 4096), "influx", "local");
        for (var i = 1; i <= 300; i++)
        {
            await outbox.AppendAsync(Line(i), WritePrecision.Ns, default);
        }

        var before = Directory.GetFiles(dir.Path, "*.seg").Length;
        Assert.True(before > 2);
        outbox.Commit("influx", 300, 300);
        Assert.Equal(before, Directory.GetFiles(dir.Path, "*.seg").Length);
        Assert.Equal(300, outbox.Read("local", 1000, 1 << 20).Count);
        outbox.Commit("local", 300, 300);
        Assert.Single(Directory.GetFiles(dir.Path, "*.seg"));
        Assert.Equal(0, outbox.GetStatus().Depth);
    }

    [Fact]
    public async Task Rewind_ReturnsToTheDurableCursor()
    {
        await using var outbox = Open();
        for (var i = 1; i <= 6; i++)
        {
            await outbox.AppendAsync(Line(i), WritePrecision.Ns, default);
        }

        outbox.Commit("influx", outbox.Read("influx", 2, 1 << 20)[^1].Sequence, 2);
        outbox.Read("influx", 3, 1 << 20);
        outbox.Rewind("influx");
        Assert.Equal(3, outbox.Read("influx", 1, 1 << 20)[0].Sequence);
    }

    [Fact]
    public async Task Quarantine_KeepsTheLineAndReason()
    {
        await using (var outbox = Open())
        {
            await outbox.AppendAsync(Line(1), WritePrecision.Ns, default);
            var record = outbox.Read("influx", 1, 1 << 20)[0];
            outbox.Quarantine("influx", record, "400: field type conflict");
            outbox.Commit("influx", record.Sequence, 0);
        }

        await using var reopened = Open();
        var q = Assert.Single(reopened.ReadQuarantine());
        Assert.Equal(1, q.Sequence);
        Assert.Contains("field type conflict", q.Reason);
        Assert.Equal(Encoding.UTF8.GetString(Line(1).Span), q.Line);
        Assert.Equal(1, reopened.GetStatus().Quarantined);
    }

    [Fact]
    public async Task NewConsumer_DeliversEverythingStillJournalled()
    {
        await using (var outbox = Open(null, "local"))
        {
            for (var i = 1; i <= 4; i++)
            {
                await outbox.AppendAsync(Line(i), WritePrecision.Ns, default);
            }
        }

        await using var reopened = Open(null, "local", "influx");
        Assert.Equal(4, reopened.Read("influx", 10, 1 << 20).Count);
    }

    [Fact]
    public async Task Append_LineWithNewline_IsRejected()
    {
        await using var outbox = Open();
        await Assert.ThrowsAsync<ArgumentException>(() => outbox.AppendAsync("a f=1\nb f=2"u8.ToArray(), WritePrecision.Ns, default).AsTask());
    }

    [Fact]
    public async Task Read_StopsAtAPrecisionChange()
    {
        await using var outbox = Open();
        await outbox.AppendAsync(Line(1), WritePrecision.Ns, default);
        await outbox.AppendAsync(Line(2), WritePrecision.Ms, default);
        Assert.Single(outbox.Read("influx", 10, 1 << 20));
        Assert.Equal(WritePrecision.Ms, outbox.Read("influx", 10, 1 << 20).Single().Precision);
    }
}
