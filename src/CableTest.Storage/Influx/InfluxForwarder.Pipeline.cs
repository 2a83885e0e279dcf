using CableTest.Storage.Outbox;

namespace CableTest.Storage.Influx;

/// <summary>
/// Several batches in flight: while the server stores batch N the forwarder reads and posts N+1, …
/// (up to <see cref="InfluxOptions.MaxInFlight"/>). Acknowledgements may come back in any order; the
/// cursor advances in journal order over the acknowledged prefix only, so it never passes a batch
/// the server has not stored. When the pipeline is given up (a failure that is not a server answer,
/// stopping), every batch not committed is read again from the durable cursor and sent again.
/// </summary>
public sealed partial class InfluxForwarder
{
    /// <summary>Batches being posted, oldest first (only the forwarder's loop touches this).</summary>
    private readonly Queue<InFlightBatch> inFlight = new();

    /// <summary>A small batch read but not yet posted: it waits for more readings or its FlushInterval.</summary>
    private List<OutboxRecord>? held;

    /// <summary>The lease <see cref="held"/>'s records were read under.</summary>
    private DurableOutbox.Lease? heldLease;

    /// <summary>Lists of batches done with, emptied, to read the next batches into (a 5,000-record list is a 200 KB array).</summary>
    private readonly Stack<List<OutboxRecord>> spareLists = new();

    /// <summary>Batches posted and not yet committed (for tests).</summary>
    internal int InFlightCount => inFlight.Count;

    /// <summary>
    /// Reads and starts posting batches until <see cref="InfluxOptions.MaxInFlight"/> are in flight.
    /// A batch is started when it is full, when more readings follow it in the journal (it is as full
    /// as the byte bound lets it be), when its first reading is FlushInterval old, or with
    /// <paramref name="flushHeld"/> for the held one; otherwise it is held for the next call.
    /// </summary>
    private void StartReadyBatches(bool flushHeld, CancellationToken cancellationToken)
    {
        while (inFlight.Count < options.MaxInFlight)
        {
            var lease = heldLease ?? new DurableOutbox.Lease();
            var batch = held ?? outbox.ReadList(ConsumerName, options.BatchSize, options.MaxBatchBytes, lease, spareLists.TryPop(out var spare) ? spare : null);
            if (held is not null)
            {
                (held, heldLease) = (null, null);
                var bytes = 0;
                foreach (var r in batch)
                {
                    bytes += JournalSegment.RecordHeaderSize + r.Payload.Length;
                }

                if (batch.Count < options.BatchSize && bytes < options.MaxBatchBytes)
                {
                    batch.AddRange(outbox.ReadList(ConsumerName, options.BatchSize - batch.Count, options.MaxBatchBytes - bytes, batch[0].Precision, lease));
                }
            }

            if (batch.Count == 0)
            {
                outbox.Release(lease);
                spareLists.Push(batch);
                return;
            }

            var ready = flushHeld
                || batch.Count >= options.BatchSize
                || outbox.LastSequence > batch[^1].Sequence
                || time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(batch[0].AppendedAtUnixMs) >= options.FlushInterval;
            if (!ready)
            {
                (held, heldLease) = (batch, lease);
                return;
            }

            flushHeld = false;
            inFlight.Enqueue(new InFlightBatch(batch, DeliverAsync(batch, cancellationToken), lease));
        }
    }

    /// <summary>
    /// Waits for the oldest batch in flight, then commits it and every later batch already
    /// acknowledged, in order, stopping at the first one still waiting; returns the readings committed.
    /// If the oldest failed (not a server answer: those are retried inside), the whole pipeline is
    /// given up and read again from the durable cursor, and the failure is rethrown.
    /// </summary>
    private async Task<int> CommitAcknowledgedAsync()
    {
        var committed = 0;
        do
        {
            var oldest = inFlight.Peek();
            int quarantined;
            try
            {
                quarantined = await oldest.Delivery.ConfigureAwait(false);
            }
            catch
            {
                await AbandonInFlightAsync().ConfigureAwait(false);
                throw;
            }

            inFlight.Dequeue();
            outbox.Commit(ConsumerName, oldest.Records[^1].Sequence, oldest.Records.Count - quarantined);
            committed += oldest.Records.Count;
            Done(oldest);
        }
        while (inFlight.TryPeek(out var next) && next.Delivery.IsCompleted);

        return committed;
    }

    /// <summary>
    /// Commits every batch in flight once acknowledged and forgets a held one (it is read again):
    /// before the consumer is sent back over delivered records, so no later commit skips them.
    /// </summary>
    private async Task CommitInFlightAsync()
    {
        while (inFlight.Count > 0)
        {
            await CommitAcknowledgedAsync().ConfigureAwait(false);
        }

        DropHeld();
        outbox.Rewind(ConsumerName);
    }

    /// <summary>
    /// Gives the pipeline up: waits for what is in flight to finish or fail (their outcome no longer
    /// counts) and goes back to the durable cursor, so every batch not committed is sent again.
    /// </summary>
    private async Task AbandonInFlightAsync()
    {
        while (inFlight.TryDequeue(out var batch))
        {
            try
            {
                await batch.Delivery.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Sent again from the cursor: its own failure changes nothing.
            }

            Done(batch);
        }

        DropHeld();
        outbox.Rewind(ConsumerName);
    }

    /// <summary>
    /// A batch committed or given up, its delivery over (so nothing can be sending its records): the outbox memory its
    /// records were read from is released, and its list kept for a next batch.
    /// </summary>
    private void Done(InFlightBatch batch)
    {
        outbox.Release(batch.Lease);
        if (batch.Records is List<OutboxRecord> list && spareLists.Count <= options.MaxInFlight)
        {
            list.Clear();
            spareLists.Push(list);
        }
    }

    /// <summary>Forgets the held batch (it is read again) and releases what it held.</summary>
    private void DropHeld()
    {
        if (heldLease is { } lease)
        {
            outbox.Release(lease);
        }

        (held, heldLease) = (null, null);
    }
}
