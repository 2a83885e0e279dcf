using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Influx.ReadBack;
using CableTest.Storage.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CableTest.Storage.Influx;

/// <summary>
/// Delivers journalled readings to InfluxDB, in journal order, advancing the outbox cursor only
/// after the server stored them. Retryable failures (network, 429, 5xx) are retried with exponential
/// backoff and jitter for as long as the outbox has room — a batch is never given up; 413 splits the
/// batch; 400/422 bisects it so only the malformed lines are quarantined and the rest delivered.
/// Resending is harmless: a point is keyed by series and timestamp.
/// </summary>
public sealed partial class InfluxForwarder(
    DurableOutbox outbox,
    IInfluxWriter client,
    InfluxOptions options,
    TimeProvider time,
    ILogger<InfluxForwarder> logger,
    SinkIdentityProbe? sinkProbe = null,
    ISinkReadBack? readBack = null) : BackgroundService
{
    public const string ConsumerName = "influx";

    /// <summary>How long the forwarder is idle before it makes its delivered position durable.</summary>
    private static readonly TimeSpan IdleCursorSyncDelay = TimeSpan.FromMilliseconds(100);
    private string? sinkIdentity;
    private DateTimeOffset nextSinkCheck = DateTimeOffset.MinValue;

    private readonly Lock statusGate = new();
    private ForwarderStatus status = new(true, true, null, null, 0);

    public ForwarderStatus Status
    {
        get
        {
            lock (statusGate)
            {
                return status;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        outbox.Rewind(ConsumerName);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await CheckSinkAsync(stoppingToken).ConfigureAwait(false);
                    await CheckReadBackAsync(stoppingToken).ConfigureAwait(false);
                    await ForwardOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // Never let the loop die: go back to the durable cursor and try again.
                    LogLoopFailure(logger, e);
                    await AbandonInFlightAsync().ConfigureAwait(false);
                    await Task.Delay(options.MinRetryDelay, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            // Stopping: let nothing post after the host is gone; what was not committed is sent again.
            await AbandonInFlightAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Starts posting the batches that are ready (up to <see cref="InfluxOptions.MaxInFlight"/> at
    /// once), then waits for the oldest one in flight and advances the cursor over it and every later
    /// batch already acknowledged without a gap; returns how many readings that committed. With none
    /// to post it waits for readings (or for a small batch's <see cref="InfluxOptions.FlushInterval"/>)
    /// and returns 0. Public for tests and benchmarks.
    /// </summary>
    public async Task<int> ForwardOnceAsync(CancellationToken cancellationToken)
    {
        StartReadyBatches(flushHeld: false, cancellationToken);
        if (inFlight.Count == 0 && held is { } small)
        {
            // Batching by interval: a small batch waits until its first reading is FlushInterval old.
            var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(small[0].AppendedAtUnixMs);
            if (age < options.FlushInterval)
            {
                await Task.Delay(options.FlushInterval - age, time, cancellationToken).ConfigureAwait(false);
            }

            StartReadyBatches(flushHeld: true, cancellationToken);
        }

        if (inFlight.Count == 0)
        {
            await WaitIdleAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }

        return await CommitAcknowledgedAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Nothing to deliver: wait for readings; if none come within <see cref="IdleCursorSyncDelay"/>, make
    /// the delivered position durable first. A forwarder that keeps up with a stream goes idle between
    /// every two appends, and syncing the cursor file each time (three fsyncs) queued the appends'
    /// own syncs behind it; while readings flow, Commit syncs it every Outbox:CursorSyncInterval.
    /// </summary>
    private async Task WaitIdleAsync(CancellationToken cancellationToken)
    {
        var cursor = outbox.GetStatus().ConsumerPositions[ConsumerName];
        try
        {
            await outbox.WaitForRecordsAsync(cursor, cancellationToken).WaitAsync(IdleCursorSyncDelay, time, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (TimeoutException)
        {
        }

        outbox.SyncCursors();
        if (sinkProbe is null && readBack is null)
        {
            await outbox.WaitForRecordsAsync(cursor, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            // Wake up for the next sink check and read-back even when no readings come.
            await outbox.WaitForRecordsAsync(cursor, cancellationToken).WaitAsync(options.SinkCheckInterval, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>
    /// Posts one batch until the server stored it (retrying for as long as it takes), splitting it on
    /// 413 and bisecting it on 400/422; returns how many of its records went to quarantine instead.
    /// </summary>
    private async Task<int> DeliverAsync(IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken)
    {
        var precision = records[0].Precision;
        var lines = new RecordPayloads(records);
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await client.WriteAsync(lines, precision, cancellationToken).ConfigureAwait(false);
            switch (outcome.Kind)
            {
                case WriteOutcomeKind.Delivered:
                    MarkHealthy();
                    return 0;

                case WriteOutcomeKind.TooLarge or WriteOutcomeKind.Rejected when records.Count > 1:
                    var half = records.Count / 2;
                    var first = await DeliverAsync([.. records.Take(half)], cancellationToken).ConfigureAwait(false);
                    return first + await DeliverAsync([.. records.Skip(half)], cancellationToken).ConfigureAwait(false);

                case WriteOutcomeKind.TooLarge or WriteOutcomeKind.Rejected:
                    outbox.Quarantine(ConsumerName, records[0], outcome.Message);
                    LogQuarantined(logger, records[0].Sequence, outcome.Message);
                    return 1;

                default:
                    outbox.CountRetry();
                    var delay = Backoff(attempt, outcome.RetryAfter);
                    MarkFailing(outcome, delay);
                    await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>
    /// Every <see cref="InfluxOptions.SinkCheckInterval"/>: asks the sink who it is (its start time and
    /// version). A different answer than last time means it restarted and may have lost points it had
    /// acknowledged but not flushed; the retained delivered window (Outbox:RetainDelivered) is then
    /// sent again. Public for tests.
    /// </summary>
    public async Task CheckSinkAsync(CancellationToken cancellationToken)
    {
        if (sinkProbe is null || time.GetUtcNow() < nextSinkCheck)
        {
            return;
        }

        nextSinkCheck = time.GetUtcNow() + options.SinkCheckInterval;
        var identity = await sinkProbe.GetIdentityAsync(cancellationToken).ConfigureAwait(false);
        if (identity is null)
        {
            return;
        }

        if (sinkIdentity is not null && identity != sinkIdentity)
        {
            // What is in flight is committed first: the cursor must not pass the records sent again.
            await CommitInFlightAsync().ConfigureAwait(false);
            var count = outbox.Redeliver(ConsumerName);
            LogSinkRestarted(logger, sinkIdentity, identity, count);
        }

        sinkIdentity = identity;
    }

    /// <summary>Exponential backoff with jitter (between half and all of the step), Retry-After honoured up to its cap.</summary>
    internal TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked > options.RetryAfterCap ? options.RetryAfterCap : asked < TimeSpan.Zero ? TimeSpan.Zero : asked;
        }

        var step = options.MinRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        step = Math.Min(step, options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((step / 2) + (Random.Shared.NextDouble() * step / 2));
    }

    private void MarkHealthy()
    {
        lock (statusGate)
        {
            if (!status.Healthy)
            {
                LogRecovered(logger, status.ConsecutiveFailures);
            }

            status = new ForwarderStatus(true, true, null, time.GetUtcNow(), 0);
        }
    }

    private void MarkFailing(WriteOutcome outcome, TimeSpan delay)
    {
        lock (statusGate)
        {
            status = status with { Healthy = false, LastError = outcome.Message, ConsecutiveFailures = status.ConsecutiveFailures + 1 };
            LogRetry(logger, outcome.Kind, outcome.Message, delay, status.ConsecutiveFailures);
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "InfluxDB write failed ({Kind}: {Message}); retrying the same batch in {Delay} (failure {Count}); readings stay in the outbox")]
    private static partial void LogRetry(ILogger logger, WriteOutcomeKind kind, string message, TimeSpan delay, int count);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "InfluxDB writes succeed again after {Count} failed attempts")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "InfluxDB refused reading {Sequence} as malformed ({Message}); it is kept in the outbox quarantine")]
    private static partial void LogQuarantined(ILogger logger, long sequence, string message);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "InfluxDB sink restarted ({Before} -> {After}): sending the {Count} retained delivered readings again (idempotent)")]
    private static partial void LogSinkRestarted(ILogger logger, string before, string after, long count);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Error, Message = "InfluxDB forwarder loop failed; resuming from the durable cursor")]
    private static partial void LogLoopFailure(ILogger logger, Exception exception);
}
