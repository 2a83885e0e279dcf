using System.Text;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Outbox;
using CableTest.Storage.Readings;
using CableTest.Storage.Runs;
using CableTest.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CableTest.Storage.Tests.Readings;

public sealed class ReadingJournalTests : IAsyncLifetime
{
    private readonly TempDirectory dir = new("journal");
    private DurableOutbox outbox = null!;

    public Task InitializeAsync()
    {
        outbox = DurableOutbox.Open(new OutboxOptions { Directory = dir.File("outbox") }, [LocalReadingsForwarder.ConsumerName], TimeProvider.System, NullLogger.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await outbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dir.Dispose();
    }

    private static Reading Resistance(string id, DateTimeOffset t, double ohm) =>
        new(id, "conductor_resistance", "bench 1", "S-1", "run1", "cr-core1", "1", "ohm-1", t, 0, [new("resistance_ohm", ohm)]);

    [Fact]
    public async Task Take_SameInstantTwice_GetsDistinctTimestampsAtThePrecision()
    {
        var journal = new ReadingJournal(outbox, WritePrecision.S);
        var t = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        await journal.TakeAsync(Resistance("a", t, 0.075), default);
        await journal.TakeAsync(Resistance("b", t.AddMilliseconds(300), 0.076), default);

        var lines = outbox.Read(LocalReadingsForwarder.ConsumerName, 10, 1 << 20)
            .Select(r => LineProtocolParser.Parse(Encoding.UTF8.GetString(r.Payload.Span))).ToList();
        Assert.Equal([1_700_000_000L, 1_700_000_001L], lines.Select(l => l.Timestamp!.Value));
        Assert.Equal("bench 1", lines[0].Tags["bench"]);
        Assert.Equal("a", lines[0].Fields["reading_id"]);
    }

    [Fact]
    public async Task Take_RunAfterRun_SeriesOfIdleRunsForgotten_ActiveSeriesStillUnique()
    {
        // Every run has its own series (the run tag): 6,000 runs an hour apart must not all be remembered.
        var journal = new ReadingJournal(outbox, WritePrecision.Ms);
        var t = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        for (var run = 0; run < 6000; run++)
        {
            await journal.TakeAsync(Resistance("r" + run, t.AddHours(run), 0.075) with { Run = "run" + run }, default);
        }

        Assert.InRange(journal.RememberedSeries, 1, ReadingJournal.PruneAbove);

        // The series still active keeps its readings apart: same instant, next millisecond.
        var last = t.AddHours(5999);
        await journal.TakeAsync(Resistance("again", last, 0.076) with { Run = "run5999" }, default);
        var newest = outbox.Read(LocalReadingsForwarder.ConsumerName, 10_000, 8 << 20)[^1];
        Assert.Equal(last.ToUnixTimeMilliseconds() + 1, LineProtocolParser.Parse(Encoding.UTF8.GetString(newest.Payload.Span)).Timestamp);
    }

    [Fact]
    public async Task Take_NaN_IsRefusedAndNothingJournalled()
    {
        var journal = new ReadingJournal(outbox, WritePrecision.Ns);
        var e = await Assert.ThrowsAsync<LineProtocolException>(() => journal.TakeAsync(Resistance("x", DateTimeOffset.UnixEpoch, double.NaN), default).AsTask());
        Assert.Contains("resistance_ohm", e.Message);
        Assert.Equal(0, outbox.GetStatus().LastSequence);
    }

    [Fact]
    public async Task LocalForwarder_CopiesReadingsIntoTheRunStore_Once()
    {
        var journal = new ReadingJournal(outbox, WritePrecision.Ns);
        var store = new SqliteRunStore(dir.File("store.db"), TimeProvider.System);
        await store.MigrateAsync(default);
        for (var i = 0; i < 3; i++)
        {
            await journal.TakeAsync(Resistance("r" + i, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + i), 0.07 + i), default);
        }

        var forwarder = new LocalReadingsForwarder(outbox, store, TimeProvider.System, NullLogger<LocalReadingsForwarder>.Instance);
        Assert.Equal(3, await forwarder.ForwardOnceAsync(default));
        outbox.Rewind(LocalReadingsForwarder.ConsumerName);
        Assert.Equal(0, await forwarder.ForwardOnceAsync(default));

        var back = await store.GetReadingsAsync("run1", default);
        Assert.Equal(["r0/resistance_ohm", "r1/resistance_ohm", "r2/resistance_ohm"], back.Select(r => r.ReadingId));
        Assert.Equal(1.07, back[1].Value);
        Assert.Equal("cr-core1", back[0].StepId);
        Assert.Equal(0, outbox.GetStatus().Depth);
    }
}
