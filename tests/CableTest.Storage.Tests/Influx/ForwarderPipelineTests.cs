using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Influx;
using CableTest.Storage.Outbox;
using CableTest.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CableTest.Storage.Tests.Influx;

/// <summary>
/// Several batches in flight (Influx:MaxInFlight): acknowledgements in any order never move the
/// cursor past a batch the server has not stored, and a pipeline given up mid-way sends every batch
/// not committed again. The writer here answers when the test says so; the real servers are below.
/// </summary>
public sealed class ForwarderPipelineTests : IAsyncLifetime
{
    private const int Batch = 10;
    private readonly TempDirectory dir = new("pipeline");
    private readonly HeldWriter writer = new();
    private DurableOutbox outbox = null!;
    private InfluxForwarder forwarder = null!;

    public Task InitializeAsync()
    {
        var options = new InfluxOptions
        {
            Url = "http://127.0.0.1:9", Database = "cabletest", BatchSize = Batch, MaxInFlight = 4,
            FlushInterval = TimeSpan.FromMilliseconds(1), MinRetryDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        };
        outbox = DurableOutbox.Open(new OutboxOptions { Directory = dir.Path }, [InfluxForwarder.ConsumerName], TimeProvider.System, NullLogger.Instance);
        forwarder = new InfluxForwarder(outbox, writer, options, TimeProvider.System, NullLogger<InfluxForwarder>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        writer.ReleaseAll();
        forwarder.Dispose();
        await outbox.DisposeAsync();
        dir.Dispose();
    }

    private long Cursor => outbox.GetStatus().ConsumerPositions[InfluxForwarder.ConsumerName];

    private async Task AppendAsync(int count)
    {
        var lines = Enumerable.Range(0, count)
            .Select(i => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"conductor_resistance,core={i % 4} resistance_ohm={i} {1_700_000_000_000_000_000L + i}")))
            .ToList();
        await outbox.AppendBatchAsync(lines, WritePrecision.Ns, default);
    }

    [Fact]
    public async Task AcknowledgedOutOfOrder_CursorWaitsForTheOldestBatch()
    {
        await AppendAsync(4 * Batch);

        var forwarding = forwarder.ForwardOnceAsync(default);
        await writer.WaitForRequestsAsync(4);
        Assert.Equal(4, forwarder.InFlightCount);

        // The three later batches are stored first: nothing may be committed while the first waits.
        writer.Answer(4, WriteOutcomeKind.Delivered);
        writer.Answer(3, WriteOutcomeKind.Delivered);
        writer.Answer(2, WriteOutcomeKind.Delivered);
        await Task.Delay(100);
        Assert.False(forwarding.IsCompleted);
        Assert.Equal(0, Cursor);

        // Then the first: all four are committed (in this call, or the next ones if the later
        // batches' own completions have not run yet on a busy machine), never one twice.
        writer.Answer(1, WriteOutcomeKind.Delivered);
        var committed = await forwarding.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(committed >= Batch);
        while (committed < 4 * Batch)
        {
            committed += await forwarder.ForwardOnceAsync(default).WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(4 * Batch, committed);
        Assert.Equal(4 * Batch, Cursor);
        Assert.Equal(4 * Batch, outbox.GetStatus().Delivered);
        Assert.Equal(4, writer.Count);
    }

    [Fact]
    public async Task LaterBatchesAcknowledged_EarlierOneRetrying_CursorStopsAtTheGap()
    {
        await AppendAsync(3 * Batch);

        var forwarding = forwarder.ForwardOnceAsync(default);
        await writer.WaitForRequestsAsync(3);
        writer.Answer(1, WriteOutcomeKind.Delivered);
        writer.Answer(2, WriteOutcomeKind.Retry);
        writer.Answer(3, WriteOutcomeKind.Delivered);

        // Batch 1 commits alone; batch 2 is posted again (request 4) and the cursor stays after batch 1.
        Assert.Equal(Batch, await forwarding.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(Batch, Cursor);
        forwarding = forwarder.ForwardOnceAsync(default);
        await writer.WaitForRequestsAsync(4);
        Assert.Equal(writer.Lines(2), writer.Lines(4));
        await Task.Delay(50);
        Assert.Equal(Batch, Cursor);

        writer.Answer(4, WriteOutcomeKind.Delivered);
        Assert.Equal(2 * Batch, await forwarding.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(3 * Batch, Cursor);
        Assert.Equal(1, outbox.GetStatus().Retried);
    }

    [Fact]
    public async Task PipelineFailsMidway_EveryBatchNotCommittedIsSentAgain()
    {
        await AppendAsync(4 * Batch);

        var forwarding = forwarder.ForwardOnceAsync(default);
        await writer.WaitForRequestsAsync(4);
        writer.Fail(2, new InvalidOperationException("writer broke"));
        writer.Answer(3, WriteOutcomeKind.Delivered);
        writer.Answer(4, WriteOutcomeKind.Delivered);
        writer.Answer(1, WriteOutcomeKind.Delivered);

        // Batch 1 is committed; batch 2 fails the pipeline (in this call, or the next if its failure has
        // not been seen yet), so 3 and 4 (stored, but after the gap) are not.
        var failure = await Record.ExceptionAsync(async () =>
        {
            await forwarding.WaitAsync(TimeSpan.FromSeconds(10));
            await forwarder.ForwardOnceAsync(default).WaitAsync(TimeSpan.FromSeconds(10));
        });
        Assert.IsType<InvalidOperationException>(failure);
        Assert.Equal(Batch, Cursor);
        Assert.Equal(0, forwarder.InFlightCount);

        writer.AnswerEverything();
        while (Cursor < 4 * Batch)
        {
            await forwarder.ForwardOnceAsync(default).WaitAsync(TimeSpan.FromSeconds(10));
        }

        // Requests 5.. are batches 2, 3 and 4 again, in journal order.
        Assert.Equal(writer.Lines(2).Concat(writer.Lines(3)).Concat(writer.Lines(4)), Enumerable.Range(5, 3).SelectMany(writer.Lines));
        Assert.Equal(4 * Batch, outbox.GetStatus().Delivered);
    }

    [Fact]
    public async Task ServiceDiesWithBatchesInFlight_ReopenedJournalSendsEveryOneNotCommitted()
    {
        await AppendAsync(4 * Batch);
        var forwarding = forwarder.ForwardOnceAsync(default);
        await writer.WaitForRequestsAsync(4);
        writer.Answer(2, WriteOutcomeKind.Delivered);
        writer.Answer(3, WriteOutcomeKind.Delivered);
        outbox.SyncCursors();

        // Killed here: batch 1 unanswered, 2 and 3 stored but not committed. Reopen what is on disk.
        var reopened = DurableOutbox.Open(new OutboxOptions { Directory = dir.Path }, [InfluxForwarder.ConsumerName], TimeProvider.System, NullLogger.Instance);
        var second = new HeldWriter();
        second.AnswerEverything();
        using var next = new InfluxForwarder(reopened, second, new InfluxOptions { Url = "http://127.0.0.1:9", Database = "cabletest", BatchSize = Batch }, TimeProvider.System, NullLogger<InfluxForwarder>.Instance);
        Assert.Equal(0, reopened.GetStatus().ConsumerPositions[InfluxForwarder.ConsumerName]);
        while (reopened.GetStatus().ConsumerPositions[InfluxForwarder.ConsumerName] < 4 * Batch)
        {
            await next.ForwardOnceAsync(default).WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(Enumerable.Range(1, 4).SelectMany(writer.Lines), Enumerable.Range(1, 4).SelectMany(second.Lines));
        writer.AnswerEverything();
        await forwarding.WaitAsync(TimeSpan.FromSeconds(10));
        await reopened.DisposeAsync();
    }

    /// <summary>A writer whose requests (numbered from 1) wait until the test answers them.</summary>
    private sealed class HeldWriter : IInfluxWriter
    {
        private readonly ConcurrentDictionary<int, (string[] Lines, TaskCompletionSource<WriteOutcome> Answer)> requests = new();
        private int count;
        private volatile bool answerAll;

        public Task<WriteOutcome> WriteAsync(IReadOnlyList<ReadOnlyMemory<byte>> lines, WritePrecision precision, CancellationToken cancellationToken)
        {
            var answer = new TaskCompletionSource<WriteOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
            requests[Interlocked.Increment(ref count)] = ([.. lines.Select(l => Encoding.UTF8.GetString(l.Span))], answer);
            if (answerAll)
            {
                answer.TrySetResult(new WriteOutcome(WriteOutcomeKind.Delivered, 204, ""));
            }

            return answer.Task;
        }

        public int Count => Volatile.Read(ref count);

        public string[] Lines(int request) => requests[request].Lines;

        public async Task WaitForRequestsAsync(int n)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            while (Volatile.Read(ref count) < n)
            {
                Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"{count} requests, expected {n}");
                await Task.Delay(5);
            }
        }

        public void Answer(int request, WriteOutcomeKind kind) =>
            requests[request].Answer.TrySetResult(new WriteOutcome(kind, kind == WriteOutcomeKind.Delivered ? 204 : 503, kind.ToString()));

        public void Fail(int request, Exception e) => requests[request].Answer.TrySetException(e);

        public void AnswerEverything()
        {
            answerAll = true;
            ReleaseAll();
        }

        public void ReleaseAll()
        {
            foreach (var r in requests.Values)
            {
                r.Answer.TrySetResult(new WriteOutcome(WriteOutcomeKind.Delivered, 204, ""));
            }
        }
    }
}
