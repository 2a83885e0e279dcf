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
    private readonly Dictionary<string, long> lastTimestamp = new(StringComparer.Ordinal);
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

            if (lastTimestamp.Count > 100_000)
            {
                lastTimestamp.Clear();
            }

            lastTimestamp[key] = t;
        }

        return point.Timestamp(t, precision);
    }
}
