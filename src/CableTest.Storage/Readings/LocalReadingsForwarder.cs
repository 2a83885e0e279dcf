using System.Text;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Outbox;
using CableTest.Storage.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CableTest.Storage.Readings;

/// <summary>
/// Keeps readings locally: copies every journalled reading into the run store (for reports, charts
/// and replay), then advances the outbox's "local" cursor. Idempotent by reading id.
/// </summary>
public sealed partial class LocalReadingsForwarder(DurableOutbox outbox, IRunStore store, TimeProvider time, ILogger<LocalReadingsForwarder> logger) : BackgroundService
{
    public const string ConsumerName = "local";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        outbox.Rewind(ConsumerName);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ForwardOnceAsync(stoppingToken).ConfigureAwait(false) == 0)
                {
                    outbox.SyncCursors();
                    var cursor = outbox.GetStatus().ConsumerPositions[ConsumerName];
                    await outbox.WaitForRecordsAsync(cursor, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailure(logger, e);
                outbox.Rewind(ConsumerName);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Copies one batch; returns how many records it handled.</summary>
    public async Task<int> ForwardOnceAsync(CancellationToken cancellationToken)
    {
        // Under a lease: the lines are parsed into readings here and not read after, so the outbox may use the memory
        // they lie in again (DurableOutbox.Tail.cs).
        var lease = new DurableOutbox.Lease();
        List<OutboxRecord> batch;
        List<ReadingRecord> readings;
        try
        {
            batch = outbox.ReadList(ConsumerName, 1000, 4 << 20, lease);
            if (batch.Count == 0)
            {
                return 0;
            }

            readings = new List<ReadingRecord>(batch.Count);
            foreach (var record in batch)
            {
                readings.AddRange(ToRecords(record));
            }
        }
        finally
        {
            outbox.Release(lease);
        }

        await store.AddReadingsAsync(readings, cancellationToken).ConfigureAwait(false);
        outbox.Commit(ConsumerName, batch[^1].Sequence, batch.Count);
        return batch.Count;
    }

    private IEnumerable<ReadingRecord> ToRecords(OutboxRecord record)
    {
        ParsedPoint point;
        try
        {
            point = LineProtocolParser.Parse(Encoding.UTF8.GetString(record.Payload.Span));
        }
        catch (FormatException e)
        {
            outbox.Quarantine(ConsumerName, record, "local store could not parse the line: " + e.Message);
            yield break;
        }

        string Tag(string key) => point.Tags.TryGetValue(key, out var v) ? v : "";
        var id = point.Fields.TryGetValue("reading_id", out var rid) && rid is string s ? s : $"outbox-{record.Sequence}";
        var stepTime = point.Fields.TryGetValue("step_time_s", out var st) && st is double d ? d : 0;
        var timeNs = WritePrecisionExtensions.Convert(point.Timestamp ?? 0, record.Precision, WritePrecision.Ns);
        foreach (var (field, value) in point.Fields)
        {
            if (field is "reading_id" or "step_time_s" || value is not double number)
            {
                continue;
            }

            yield return new ReadingRecord($"{id}/{field}", Tag("run"), Tag("test"), Tag("core"), Tag("instrument"), field, number, timeNs, stepTime);
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "Copying readings into the local store failed; retrying from the durable cursor")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
