using System.Buffers;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Outbox;

namespace CableTest.Storage.Readings;

/// <summary>
/// Where the bench hands its readings: a reading counts as taken once <see cref="TakeAsync"/> has
/// returned, i.e. once it is in the fsync'd outbox journal. Values are checked first (NaN and
/// infinity are refused with a clear error, never written). Timestamps are made unique per series
/// at the configured precision, so two readings never overwrite each other in InfluxDB.
/// </summary>
public sealed class ReadingJournal(DurableOutbox outbox, WritePrecision precision)
{
    /// <summary>Series remembered before the ones idle for <see cref="UniqueWindow"/> are forgotten (each run has its own series).</summary>
    internal const int PruneAbove = 4096;

    /// <summary>A series whose last reading is older than this cannot collide with a new one (readings come in time order).</summary>
    private static readonly TimeSpan UniqueWindow = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, long> lastTimestamp = new(StringComparer.Ordinal);
    private int pruneAt = PruneAbove;
    private readonly Lock gate = new();

    public WritePrecision Precision => precision;

    /// <summary>Journals a reading; returns its outbox sequence. Throws <see cref="OutboxFullException"/> when the outbox is full.</summary>
    public async ValueTask<long> TakeAsync(Reading reading, CancellationToken cancellationToken)
    {
        var point = ToPoint(reading);
        var buffer = new ArrayBufferWriter<byte>(256);
        point.WriteTo(new LineProtocolWriter(buffer), precision);
        return await outbox.AppendAsync(buffer.WrittenMemory, precision, cancellationToken).ConfigureAwait(false);
    }

    private PointData ToPoint(Reading r)
    {
        if (r.Values.Count == 0)
        {
            throw new LineProtocolException($"reading {r.ReadingId} has no values");
        }

        ReadingSchema.Check(r);

        var point = PointData.Measurement(r.Measurement)
            .Tag("bench", r.Bench).Tag("sample", r.Sample).Tag("run", r.Run)
            .Tag("test", r.Test).Tag("core", r.Core).Tag("instrument", r.Instrument);
        foreach (var (quantity, value) in r.Values)
        {
            point = point.Field(quantity, value);
        }

        point = point.Field("step_time_s", r.StepTimeS).Field("reading_id", r.ReadingId);
        var key = point.MeasurementName + string.Concat(point.Tags.Select(t => $",{t.Key}={t.Value}"));
        var t = r.Time.ToUnixTime(precision);
        lock (gate)
        {
            if (lastTimestamp.TryGetValue(key, out var last) && t <= last)
            {
                t = last + 1;
            }

            if (lastTimestamp.Count >= pruneAt)
            {
                Prune(t);

                // Many series all active at once: wait until there are twice as many before trying again.
                pruneAt = Math.Max(PruneAbove, lastTimestamp.Count * 2);
            }

            lastTimestamp[key] = t;
        }

        return point.Timestamp(t, precision);
    }

    /// <summary>Number of series whose last timestamp is remembered (for tests).</summary>
    internal int RememberedSeries
    {
        get
        {
            lock (gate)
            {
                return lastTimestamp.Count;
            }
        }
    }

    /// <summary>Forgets series idle for longer than <see cref="UniqueWindow"/> before <paramref name="now"/> (called under the lock).</summary>
    private void Prune(long now)
    {
        var before = now - (long)UniqueWindow.TotalMilliseconds * 1_000_000 / NanosecondsPerUnit();
        foreach (var (key, last) in lastTimestamp)
        {
            if (last < before)
            {
                lastTimestamp.Remove(key);
            }
        }
    }

    private long NanosecondsPerUnit() => precision switch
    {
        WritePrecision.S => 1_000_000_000,
        WritePrecision.Ms => 1_000_000,
        WritePrecision.Us => 1_000,
        _ => 1,
    };
}
