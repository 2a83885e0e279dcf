using System.Text.Json;
using CableTest.Storage.Influx.ReadBack;
using Microsoft.Extensions.Logging;

namespace CableTest.Storage.Influx;

public sealed partial class InfluxForwarder
{
    /// <summary>After this many redeliveries in a row that did not make the sink whole, stop and say so.</summary>
    private const int MaxFruitlessRedeliveries = 3;

    private DateTimeOffset nextReadBack = DateTimeOffset.MinValue;
    private bool readBackUnsupported;
    private int fruitlessRedeliveries;
    private long missingAtLastRedelivery;
    private ReadBackCheck? lastReadBack;

    private long readBackMissingTotal;

    /// <summary>Readings read-backs found missing from the sink since start (each sent again with the retained window).</summary>
    public long ReadBackMissingTotal => Interlocked.Read(ref readBackMissingTotal);

    /// <summary>The last read-back that compared something (null before the first).</summary>
    public ReadBackCheck? LastReadBack => Volatile.Read(ref lastReadBack);

    /// <summary>
    /// Every <see cref="InfluxOptions.ReadBackInterval"/>: counts what the sink holds for the delivered
    /// readings the outbox still retains (older than <see cref="InfluxOptions.ReadBackSettle"/>, not
    /// quarantined) and, when it holds fewer, sends the retained window again — it lost points it had
    /// acknowledged, whether or not it restarted. A shortfall that three redeliveries in a row do not
    /// mend is logged as an error and not chased further (e.g. a sink configured to rename fields).
    /// Public for tests.
    /// </summary>
    public async Task CheckReadBackAsync(CancellationToken cancellationToken)
    {
        if (readBack is null || readBackUnsupported || options.ReadBackInterval <= TimeSpan.Zero || time.GetUtcNow() < nextReadBack)
        {
            return;
        }

        nextReadBack = time.GetUtcNow() + options.ReadBackInterval;
        if (outbox.IsRedelivering(ConsumerName))
        {
            return;
        }

        var settledBefore = (time.GetUtcNow() - options.ReadBackSettle).ToUnixTimeMilliseconds();
        var quarantined = outbox.ReadQuarantine().Where(q => q.Consumer == ConsumerName).Select(q => q.Sequence).ToHashSet();
        ReadBackTally tally;
        try
        {
            tally = ReadBackTally.Of(
                outbox.ReadDelivered(ConsumerName, options.ReadBackMaxReadings).Where(r => r.AppendedAtUnixMs <= settledBefore && !quarantined.Contains(r.Sequence)),
                readBack.ResolutionNs);
        }
        catch (ObjectDisposedException)
        {
            // A retained segment was deleted while being read (its window ended): try next time.
            return;
        }

        if (tally.IsEmpty)
        {
            return;
        }

        IReadOnlyDictionary<SeriesField, long>? held;
        try
        {
            held = await readBack.CountAsync(tally.Expected.Keys.ToList(), tally.MinNs, tally.MaxNs, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or JsonException or KeyNotFoundException or InvalidOperationException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The sink cannot answer now; the write path reports an outage. Ask again next time.
            return;
        }

        if (held is null)
        {
            readBackUnsupported = true;
            LogReadBackUnsupported(logger, options.Url ?? "");
            return;
        }

        var expected = tally.Expected.Values.Sum();
        var missing = tally.Expected.Sum(e => Math.Max(0, e.Value - held.GetValueOrDefault(e.Key)));
        if (missing == 0)
        {
            fruitlessRedeliveries = 0;
            Volatile.Write(ref lastReadBack, new ReadBackCheck(time.GetUtcNow(), expected, 0, 0));
            return;
        }

        var worst = tally.Expected.MaxBy(e => e.Value - held.GetValueOrDefault(e.Key));
        if (fruitlessRedeliveries >= MaxFruitlessRedeliveries && missing <= missingAtLastRedelivery)
        {
            if (fruitlessRedeliveries++ == MaxFruitlessRedeliveries)
            {
                LogReadBackGaveUp(logger, missing, expected, worst.Key.ToString(), MaxFruitlessRedeliveries);
            }

            Volatile.Write(ref lastReadBack, new ReadBackCheck(time.GetUtcNow(), expected, missing, 0));
            return;
        }

        // More missing than at the last try is a new loss: chase it again.
        fruitlessRedeliveries = fruitlessRedeliveries >= MaxFruitlessRedeliveries ? 1 : fruitlessRedeliveries + 1;
        missingAtLastRedelivery = missing;
        Interlocked.Add(ref readBackMissingTotal, missing);
        await CommitInFlightAsync().ConfigureAwait(false);
        var count = outbox.Redeliver(ConsumerName);
        Volatile.Write(ref lastReadBack, new ReadBackCheck(time.GetUtcNow(), expected, missing, count));
        LogReadBackShort(logger, missing, expected, worst.Key.ToString(), count);
    }

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "InfluxDB sink holds {Missing} fewer readings than it acknowledged (of {Expected} counted; e.g. {Series}): sending the {Count} retained delivered readings again (idempotent)")]
    private static partial void LogReadBackShort(ILogger logger, long missing, long expected, string series, long count);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Error, Message = "InfluxDB sink still lacks {Missing} of {Expected} acknowledged readings (e.g. {Series}) after {Times} redeliveries; not sending them again until that changes. Check the sink's configuration (field names, retention, deduplication)")]
    private static partial void LogReadBackGaveUp(ILogger logger, long missing, long expected, string series, int times);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Information, Message = "InfluxDB sink at {Url} cannot be asked how many readings it holds; only its restarts are watched")]
    private static partial void LogReadBackUnsupported(ILogger logger, string url);
}
