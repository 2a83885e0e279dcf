using System.Runtime.InteropServices;
using System.Text;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Influx;
using CableTest.Storage.Outbox;
using CableTest.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CableTest.Storage.Tests.Outbox;

/// <summary>The newest group commits kept in memory as request bodies (DurableOutbox.Tail.cs), checked against the journal on disk.</summary>
public sealed class TailTests : IDisposable
{
    private readonly TempDirectory dir = new("outbox-tail");
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-11-24T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => dir.Dispose();

    private DurableOutbox Open(params string[] consumers) => DurableOutbox.Open(
        new OutboxOptions { Directory = dir.Path, MaxBytes = 64 << 20, SegmentBytes = 1 << 20, MaxAge = TimeSpan.FromHours(1) },
        consumers.Length == 0 ? ["influx"] : consumers, time, NullLogger.Instance);

    private static ReadOnlyMemory<byte> Line(int i) => Encoding.UTF8.GetBytes($"m,core={i % 4} v={i}i {1_700_000_000_000_000_000L + i}");

    private static List<ReadOnlyMemory<byte>> Lines(int from, int count) => [.. Enumerable.Range(from, count).Select(Line)];

    [Fact]
    public async Task Read_OneWholeGroupCommit_IsPostedFromTheArrayItIsKeptIn()
    {
        await using var outbox = Open();
        await outbox.AppendBatchAsync(Lines(1, 50), WritePrecision.Ns, default);

        var records = outbox.Read("influx", 50, 1 << 20);
        var body = LineProtocolBody.Join([.. records.Select(r => r.Payload)]);

        Assert.True(MemoryMarshal.TryGetArray(records[0].Payload, out var held));
        Assert.Same(held.Array, body);
        Assert.Equal(string.Concat(Enumerable.Range(1, 50).Select(i => Encoding.UTF8.GetString(Line(i).Span) + "\n")), Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task Read_PartOfAGroupFromMemory_RestFromDiskAfterItWasDropped_ContinuesAtTheNextRecord()
    {
        await using var outbox = Open();
        await outbox.AppendBatchAsync(Lines(1, 10), WritePrecision.Ns, default);
        var first = outbox.Read("influx", 3, 1 << 20);

        // More group commits than the outbox keeps in memory: the first group is only on disk now,
        // and the consumer's position inside it (worked out from the lines) must be a record's start.
        for (var i = 11; i <= 310; i++)
        {
            await outbox.AppendAsync(Line(i), WritePrecision.Ns, default);
        }

        var rest = outbox.Read("influx", 1000, 1 << 20);
        Assert.Equal([1L, 2, 3], first.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(4, 307).Select(i => (long)i), rest.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(4, 307).Select(i => Encoding.UTF8.GetString(Line(i).Span)), rest.Select(r => Encoding.UTF8.GetString(r.Payload.Span)));
    }

    [Fact]
    public async Task Read_ByteBudgetEndsInsideAGroup_NextReadStartsWhereItStopped_SameAsFromDisk()
    {
        List<(long, string, long)> live = [];
        await using (var outbox = Open())
        {
            await outbox.AppendBatchAsync(Lines(1, 20), WritePrecision.Ns, default);
            await outbox.AppendBatchAsync(Lines(21, 5), WritePrecision.Ns, default);
            IReadOnlyList<OutboxRecord> batch;
            while ((batch = outbox.Read("influx", 100, 200)).Count > 0)
            {
                Assert.InRange(batch.Count, 1, 5);
                live.AddRange(batch.Select(r => (r.Sequence, Encoding.UTF8.GetString(r.Payload.Span), r.AppendedAtUnixMs)));
            }
        }

        await using var reopened = Open();
        var fromDisk = reopened.Read("influx", 100, 1 << 20).Select(r => (r.Sequence, Encoding.UTF8.GetString(r.Payload.Span), r.AppendedAtUnixMs));
        Assert.Equal(25, live.Count);
        Assert.Equal(fromDisk, live);
    }

    [Fact]
    public async Task Read_ConcurrentAppendsOfTwoPrecisions_EachRecordKeepsItsOwn_AsOnDisk()
    {
        List<(string, WritePrecision)> live = [];
        await using (var outbox = Open())
        {
            // Concurrent appends share group commits, so groups hold both precisions.
            await Task.WhenAll(Enumerable.Range(1, 200).Select(i => Task.Run(async () =>
                await outbox.AppendAsync(Line(i), i % 3 == 0 ? WritePrecision.Ms : WritePrecision.Ns, default))));
            IReadOnlyList<OutboxRecord> batch;
            while ((batch = outbox.Read("influx", 1000, 1 << 20)).Count > 0)
            {
                Assert.All(batch, r => Assert.Equal(batch[0].Precision, r.Precision));
                live.AddRange(batch.Select(r => (Encoding.UTF8.GetString(r.Payload.Span), r.Precision)));
            }
        }

        Assert.Equal(200, live.Count);
        Assert.All(live, r => Assert.Equal(int.Parse(r.Item1.Split(' ')[1][2..^1], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0 ? WritePrecision.Ms : WritePrecision.Ns, r.Item2));
        await using var reopened = Open();
        List<(string, WritePrecision)> fromDisk = [];
        IReadOnlyList<OutboxRecord> disk;
        while ((disk = reopened.Read("influx", 1000, 1 << 20)).Count > 0)
        {
            fromDisk.AddRange(disk.Select(r => (Encoding.UTF8.GetString(r.Payload.Span), r.Precision)));
        }

        Assert.Equal(fromDisk, live);
    }

    [Fact]
    public async Task Commit_ByEveryConsumer_DropsTheGroupFromMemory_WhileOneLagsItIsKept()
    {
        await using var outbox = Open("influx", "local");
        await outbox.AppendBatchAsync(Lines(1, 10), WritePrecision.Ns, default);
        await outbox.AppendBatchAsync(Lines(11, 10), WritePrecision.Ns, default);
        Assert.Equal(2, outbox.TailGroupsForTests);

        // One consumer has delivered the first group, the other not yet: it stays for the one still to read it.
        outbox.Commit("influx", outbox.Read("influx", 10, 1 << 20)[^1].Sequence, 10);
        Assert.Equal(2, outbox.TailGroupsForTests);

        var lagging = outbox.Read("local", 10, 1 << 20);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), lagging.Select(r => r.Sequence));
        outbox.Commit("local", lagging[^1].Sequence, 10);
        Assert.Equal(1, outbox.TailGroupsForTests);

        // The second group is still read from memory, as one request body.
        var second = outbox.Read("local", 10, 1 << 20);
        Assert.True(MemoryMarshal.TryGetArray(second[0].Payload, out var held));
        Assert.Same(held.Array, LineProtocolBody.Join([.. second.Select(r => r.Payload)]));
        Assert.Equal(0, outbox.ChunksReadFromDiskForTests);
    }

    [Fact]
    public async Task Read_FromDiskInBatchesSmallerThanAChunk_EachByteReadOnce_EveryRecordInOrder()
    {
        await using (var outbox = Open())
        {
            await outbox.AppendBatchAsync(Lines(1, 300), WritePrecision.Ns, default);
        }

        // Reopened: nothing in memory. Thirty batches of ten come out of one read from disk (the journal is one chunk).
        await using var reopened = Open();
        List<OutboxRecord> read = [];
        IReadOnlyList<OutboxRecord> batch;
        while ((batch = reopened.Read("influx", 10, 1 << 20)).Count > 0)
        {
            Assert.Equal(10, batch.Count);
            read.AddRange(batch);
        }

        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), read.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(1, 300).Select(i => Encoding.UTF8.GetString(Line(i).Span)), read.Select(r => Encoding.UTF8.GetString(r.Payload.Span)));
        Assert.Equal(1, reopened.ChunksReadFromDiskForTests);

        // Sent back to its cursor (nothing committed), the consumer reads the same records again from disk.
        reopened.Rewind("influx");
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), reopened.Read("influx", 10, 1 << 20).Select(r => r.Sequence));
        Assert.Equal(2, reopened.ChunksReadFromDiskForTests);
    }

    [Fact]
    public async Task LargeGroup_ArrayNotUsedAgainWhileLeasedOrReadWithoutALease_UsedAgainOnceReleased()
    {
        await using var outbox = Open();

        // Three groups of the same size (five-digit numbers), each above the pooled size: a body with newline padding.
        static string Text(int from) => string.Concat(Enumerable.Range(from, 3000).Select(i => Encoding.UTF8.GetString(Line(i).Span) + "\n"));
        await outbox.AppendBatchAsync(Lines(10_000, 3000), WritePrecision.Ns, default);
        var lease = new DurableOutbox.Lease();
        var first = outbox.ReadList("influx", 3000, 64 << 20, lease);
        Assert.True(MemoryMarshal.TryGetArray(first[0].Payload, out var a));
        var body = LineProtocolBody.Join([.. first.Select(r => r.Payload)]);
        Assert.Same(a.Array, body);
        Assert.True(body.Length >= Text(10_000).Length && body.Length >= TailBodyPool.Smallest);
        Assert.Equal(Text(10_000), Encoding.UTF8.GetString(body).TrimEnd('\n') + "\n");

        // Delivered, so out of the tail, but still leased (a request may still be sending it): not used again.
        outbox.Commit("influx", first[^1].Sequence, first.Count);
        Assert.Equal(0, outbox.PooledBodyBytesForTests);
        await outbox.AppendBatchAsync(Lines(20_000, 3000), WritePrecision.Ns, default);
        var lease2 = new DurableOutbox.Lease();
        var second = outbox.ReadList("influx", 3000, 64 << 20, lease2);
        Assert.True(MemoryMarshal.TryGetArray(second[0].Payload, out var b));
        Assert.NotSame(a.Array, b.Array);
        Assert.Equal(Text(10_000), string.Concat(first.Select(r => Encoding.UTF8.GetString(r.Payload.Span) + "\n")));

        // Released: the next group of its size class is written into it, and reads back as that group.
        outbox.Release(lease);
        outbox.Release(lease); // twice changes nothing
        Assert.Equal(a.Array!.Length, outbox.PooledBodyBytesForTests);
        outbox.Commit("influx", second[^1].Sequence, second.Count);
        outbox.Release(lease2);
        await outbox.AppendBatchAsync(Lines(30_000, 3000), WritePrecision.Ns, default);
        var third = outbox.Read("influx", 3000, 64 << 20); // no lease: this group's array is never used again
        Assert.True(MemoryMarshal.TryGetArray(third[0].Payload, out var c));
        Assert.True(ReferenceEquals(c.Array, a.Array) || ReferenceEquals(c.Array, b.Array));
        Assert.Equal(1, outbox.PooledBodiesReusedForTests);
        Assert.Equal(Text(30_000), string.Concat(third.Select(r => Encoding.UTF8.GetString(r.Payload.Span) + "\n")));

        outbox.Commit("influx", third[^1].Sequence, third.Count);
        await outbox.AppendBatchAsync(Lines(40_000, 3000), WritePrecision.Ns, default);
        var fourth = outbox.ReadList("influx", 3000, 64 << 20, new DurableOutbox.Lease());
        Assert.True(MemoryMarshal.TryGetArray(fourth[0].Payload, out var d));
        Assert.NotSame(c.Array, d.Array);
        Assert.Equal(Text(30_000), string.Concat(third.Select(r => Encoding.UTF8.GetString(r.Payload.Span) + "\n")));
    }
}
