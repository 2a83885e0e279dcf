using System.Buffers;
using CableTest.Protocols.LineProtocol;
using Microsoft.Extensions.Logging;

namespace CableTest.Storage.Outbox;

/// <summary>
/// The durable outbox: a reading counts as taken only once it is in this fsync'd journal; named
/// consumers (the InfluxDB forwarder, the local readings store) each deliver from it at their own
/// pace and advance their own durable cursor. Segments every consumer has passed are deleted. The
/// journal is bounded by bytes and by the age of its oldest undelivered reading; at the bound it
/// refuses new readings loudly (<see cref="OutboxFullException"/>) and never drops old ones.
/// </summary>
public sealed partial class DurableOutbox : IAsyncDisposable
{
    private readonly OutboxOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly string directory;
    private readonly SemaphoreSlim appendLock = new(1, 1);
    private readonly Lock queueGate = new();
    private readonly Lock gate = new();
    private readonly List<JournalSegment> segments = [];
    private readonly Dictionary<string, Consumer> consumers = new(StringComparer.Ordinal);
    private readonly ArrayBufferWriter<byte> encodeBuffer = new(64 * 1024);
    private List<PendingAppend> queue = [];
    private bool writerActive;
    private bool disposed;
    private TaskCompletionSource appended = NewSignal();
    private long lastSequence;
    private long delivered;
    private long retried;
    private long quarantined;
    private int tornBytes;
    private OutboxAlarm lastAlarm = OutboxAlarm.Ok;
    private bool refusedSinceLastChange;
    private bool directWritesRefusalLogged;

    private DurableOutbox(OutboxOptions options, TimeProvider time, ILogger logger)
    {
        this.options = options;
        this.time = time;
        this.logger = logger;
        directory = Path.GetFullPath(options.Directory);
    }

    /// <summary>Names of the consumers that must deliver every record before it may be deleted.</summary>
    public IReadOnlyCollection<string> ConsumerNames
    {
        get
        {
            lock (gate)
            {
                return [.. consumers.Keys];
            }
        }
    }

    /// <summary>Tests only: the segment appends go to now.</summary>
    internal JournalSegment ActiveSegmentForTests
    {
        get
        {
            lock (gate)
            {
                return segments[^1];
            }
        }
    }

    /// <summary>
    /// Opens (or creates) the journal in <see cref="OutboxOptions.Directory"/>, recovering from a
    /// crash: a torn last record is cut off (its append never returned, so it was never "taken").
    /// </summary>
    public static DurableOutbox Open(OutboxOptions options, IEnumerable<string> consumerNames, TimeProvider time, ILogger logger)
    {
        var outbox = new DurableOutbox(options, time, logger);
        outbox.Recover(consumerNames);
        return outbox;
    }

    /// <summary>Appends one line of line protocol; returns once it is durable. Throws <see cref="OutboxFullException"/> at a bound.</summary>
    public ValueTask<long> AppendAsync(ReadOnlyMemory<byte> line, WritePrecision precision, CancellationToken cancellationToken) =>
        AppendBatchAsync([line], precision, cancellationToken);

    /// <summary>
    /// Appends lines durably; returns the last sequence once they are on disk. Concurrent appends are
    /// committed as a group: whoever finds the journal idle writes every append queued meanwhile with
    /// one write and one fsync, then hands the next group to the first append that arrived during its
    /// fsync (see DurableOutbox.GroupCommit.cs). Each caller still returns only after its own records
    /// were fsync'd; an append refused at a bound fails alone.
    /// </summary>
    public async ValueTask<long> AppendBatchAsync(IReadOnlyList<ReadOnlyMemory<byte>> lines, WritePrecision precision, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return Volatile.Read(ref lastSequence);
        }

        foreach (var line in lines)
        {
            ValidateLine(line.Span);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var append = new PendingAppend(lines, precision);
        bool lead;
        lock (queueGate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            queue.Add(append);
            lead = !writerActive;
            writerActive = true;
        }

        // Once queued, an append is written even if the caller gives up waiting: it may be taken.
        if (!lead && !await append.Turn.Task.ConfigureAwait(false))
        {
            lead = true;
        }

        if (lead)
        {
            WriteQueuedGroup();
        }

        return append.Error is { } error ? throw error : append.Sequence;
    }

    /// <summary>Sequence of the last durable record (0 when the journal is empty).</summary>
    public long LastSequence => Volatile.Read(ref lastSequence);

    /// <summary>Completes when a record after <paramref name="afterSequence"/> exists.</summary>
    public Task WaitForRecordsAsync(long afterSequence, CancellationToken cancellationToken)
    {
        var signal = Volatile.Read(ref appended);
        return Volatile.Read(ref lastSequence) > afterSequence ? Task.CompletedTask : signal.Task.WaitAsync(cancellationToken);
    }

    public OutboxStatus GetStatus()
    {
        lock (gate)
        {
            var minCursor = consumers.Count == 0 ? lastSequence : consumers.Values.Min(c => c.Cursor);
            var bytes = segments.Sum(s => s.Length);
            var oldest = OldestUndeliveredAge(minCursor);
            var fill = Math.Max((double)bytes / options.MaxBytes, oldest / options.MaxAge);
            return new OutboxStatus(
                Depth: lastSequence - minCursor,
                OldestAge: oldest,
                Bytes: bytes,
                FillRatio: fill,
                Alarm: refusedSinceLastChange ? OutboxAlarm.Full : AlarmFor(fill),
                LastSequence: lastSequence,
                ConsumerPositions: consumers.ToDictionary(c => c.Key, c => c.Value.Cursor, StringComparer.Ordinal),
                Delivered: Interlocked.Read(ref delivered),
                Retried: Interlocked.Read(ref retried),
                Quarantined: Interlocked.Read(ref quarantined),
                TornRecordsDiscarded: tornBytes);
        }
    }

    /// <summary>Counts a retry of a delivery attempt (for status and metrics).</summary>
    public void CountRetry() => Interlocked.Increment(ref retried);

    public async ValueTask DisposeAsync()
    {
        lock (queueGate)
        {
            disposed = true;
        }

        await appendLock.WaitAsync().ConfigureAwait(false);
        SyncCursors();
        lock (gate)
        {
            foreach (var s in segments)
            {
                s.Dispose();
            }

            segments.Clear();
        }

        appendLock.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void ValidateLine(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty || line.Length > JournalSegment.MaxPayload || line.IndexOfAny((byte)'\n', (byte)'\r') >= 0)
        {
            throw new ArgumentException("an outbox record is one non-empty line of line protocol, at most 1 MiB, without line breaks");
        }
    }

    private void EnsureRoom(long incoming)
    {
        lock (gate)
        {
            var bytes = segments.Sum(s => s.Length);
            if (bytes + incoming > options.MaxBytes)
            {
                // Delivered segments kept for re-delivery give way to new readings first.
                DeleteDeliveredSegments(bytes + incoming - options.MaxBytes);
                bytes = segments.Sum(s => s.Length);
            }

            if (bytes + incoming > options.MaxBytes)
            {
                refusedSinceLastChange = true;
                SetAlarm(OutboxAlarm.Full);
                throw new OutboxFullException($"outbox full: {bytes} bytes journalled, bound Outbox:MaxBytes = {options.MaxBytes}; the reading was not taken");
            }

            var minCursor = consumers.Count == 0 ? lastSequence : consumers.Values.Min(c => c.Cursor);
            var oldest = OldestUndeliveredAge(minCursor);
            if (oldest > options.MaxAge)
            {
                refusedSinceLastChange = true;
                SetAlarm(OutboxAlarm.Full);
                throw new OutboxFullException($"outbox full: the oldest undelivered reading is {oldest} old, bound Outbox:MaxAge = {options.MaxAge}; the reading was not taken");
            }
        }
    }

    private JournalSegment ActiveSegmentFor(long incoming)
    {
        lock (gate)
        {
            var active = segments[^1];
            if (!active.IsEmpty && active.Length + incoming > options.SegmentBytes)
            {
                active.StopAppending();
                active = JournalSegment.Create(directory, lastSequence + 1, options.DirectWrites);
                segments.Add(active);
            }

            return active;
        }
    }

    private TimeSpan OldestUndeliveredAge(long minCursor)
    {
        if (minCursor >= lastSequence)
        {
            return TimeSpan.Zero;
        }

        // The segment holding minCursor + 1 started no later than that record: a conservative age.
        var holder = segments.LastOrDefault(s => s.FirstSequence <= minCursor + 1 && !s.IsEmpty);
        if (holder is null)
        {
            return TimeSpan.Zero;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(holder.FirstAppendedUnixMs);
        return age < TimeSpan.Zero ? TimeSpan.Zero : age;
    }

    private OutboxAlarm AlarmFor(double fill) =>
        fill >= 1 ? OutboxAlarm.Full
        : fill >= options.CriticalFraction ? OutboxAlarm.Critical
        : fill >= options.WarningFraction ? OutboxAlarm.Warning
        : OutboxAlarm.Ok;

    private void UpdateAlarm() => SetAlarm(GetStatus().Alarm);

    private void SetAlarm(OutboxAlarm alarm)
    {
        if (alarm == lastAlarm)
        {
            return;
        }

        lastAlarm = alarm;
        if (alarm == OutboxAlarm.Ok)
        {
            LogAlarmCleared(logger);
        }
        else
        {
            LogAlarm(logger, alarm, options.MaxBytes, options.MaxAge);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Outbox alarm {Alarm}: undelivered readings are approaching the bound (Outbox:MaxBytes {MaxBytes}, Outbox:MaxAge {MaxAge}); check the InfluxDB connection")]
    private static partial void LogAlarm(ILogger logger, OutboxAlarm alarm, long maxBytes, TimeSpan maxAge);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information, Message = "Outbox journal at {Directory} is written through the page cache ({Reason}); as durable, more CPU per reading")]
    private static partial void LogDirectWritesRefused(ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Outbox alarm cleared")]
    private static partial void LogAlarmCleared(ILogger logger);
}
