using CableTest.Protocols.LineProtocol;

namespace CableTest.Storage.Outbox;

public sealed partial class DurableOutbox
{
    /// <summary>
    /// Bound on the bytes of durable records kept in memory for consumers still to deliver them (<see cref="TrimTail"/>).
    /// Reached only while a consumer lags behind the appends (a burst, a slow sink): a consumer that falls out of it reads
    /// the journal back from disk, several times the cost of a read from memory, and so falls further behind.
    /// </summary>
    private const int TailBytesMax = 64 << 20;

    /// <summary>Bound on the bytes of large bodies kept for reuse once out of the tail (<see cref="TailBodyPool"/>).</summary>
    private const int PooledBodiesMax = 16 << 20;

    /// <summary>At most this many group commits are held (many small ones are searched one by one).</summary>
    private const int TailChunksMax = 256;

    private readonly Queue<TailChunk> tail = new();
    private readonly TailBodyPool bodies = new(PooledBodiesMax);
    private long tailBytes;

    /// <summary>Bytes of pooled request bodies waiting to be used again (for tests).</summary>
    internal long PooledBodyBytesForTests => bodies.FreeBytes;

    /// <summary>How many times a pooled body was used again (for tests).</summary>
    internal long PooledBodiesReusedForTests => bodies.Reused;

    /// <summary>
    /// Keeps the lines of a group commit just made durable (the appends of <paramref name="chunk"/>, the
    /// last of them sequence <paramref name="lastSequence"/>, written at <paramref name="offset"/> of
    /// <paramref name="segment"/>): a consumer keeping up reads them from here instead of reading back
    /// and checking what this process wrote a moment ago. They are kept as a write request's body (each
    /// line followed by '\n', see <see cref="TailChunk"/>), so a batch of exactly one group commit is
    /// posted from this array without being joined again. The journal on disk stays the only record that
    /// counts; a group commit is dropped once every consumer has delivered it, or, oldest first, past
    /// <see cref="TailBytesMax"/> or <see cref="TailChunksMax"/>.
    /// </summary>
    private void RememberTail(JournalSegment segment, long offset, long lastSequence, long appendedAtUnixMs, List<PendingAppend> chunk)
    {
        var count = 0;
        var size = 0;
        var mixed = false;
        foreach (var append in chunk)
        {
            count += append.Lines.Count;
            mixed |= append.Precision != chunk[0].Precision;
            foreach (var line in append.Lines)
            {
                size += line.Length + 1;
            }
        }

        // Not written to again while anyone may read it: consumers and requests in flight share it (see TailChunk's leases).
        var lines = bodies.Rent(size);
        lines.AsSpan(size).Fill((byte)'\n');
        var starts = new int[count + 1];
        var precisions = mixed ? new WritePrecision[count] : null;
        var at = 0;
        var i = 0;
        foreach (var append in chunk)
        {
            foreach (var line in append.Lines)
            {
                starts[i] = at;
                if (precisions is not null)
                {
                    precisions[i] = append.Precision;
                }

                line.Span.CopyTo(lines.AsSpan(at));
                at += line.Length;
                lines[at++] = (byte)'\n';
                i++;
            }
        }

        starts[count] = at;
        var tailChunk = new TailChunk(segment, offset, lastSequence - count + 1, appendedAtUnixMs, chunk[0].Precision, precisions, lines, starts);
        lock (gate)
        {
            tail.Enqueue(tailChunk);
            tailBytes += tailChunk.Bytes;
            TrimTail();
        }
    }

    /// <summary>
    /// Drops, oldest first, the group commits every consumer has delivered (none is read from memory again: a
    /// consumer sent back over delivered records reads them from disk), then whatever is past
    /// <see cref="TailBytesMax"/> or <see cref="TailChunksMax"/>. Under <see cref="gate"/>.
    /// </summary>
    private void TrimTail()
    {
        var deliveredByAll = consumers.Count == 0 ? 0 : long.MaxValue;
        foreach (var c in consumers.Values)
        {
            deliveredByAll = Math.Min(deliveredByAll, c.Cursor);
        }

        while (tail.TryPeek(out var oldest) && (oldest.LastSequence <= deliveredByAll || tailBytes > TailBytesMax || tail.Count > TailChunksMax))
        {
            tailBytes -= tail.Dequeue().Bytes;
            oldest.InTail = false;
            ReturnIfUnread(oldest);
        }
    }

    /// <summary>
    /// Gives a group's array back to the pool once nothing can read it any more: out of the tail, no lease on it, and
    /// never handed out without one. Under <see cref="gate"/>.
    /// </summary>
    private void ReturnIfUnread(TailChunk chunk)
    {
        if (!chunk.InTail && chunk.Leases == 0 && !chunk.Escaped)
        {
            chunk.Escaped = true; // once only
            bodies.Return(chunk.Lines);
        }
    }

    /// <summary>Ends <paramref name="lease"/>: the groups it held may be used again once nothing else holds them. Idempotent.</summary>
    internal void Release(Lease lease)
    {
        lock (gate)
        {
            foreach (var chunk in lease.Chunks)
            {
                chunk.Leases--;
                ReturnIfUnread(chunk);
            }

            lease.Chunks.Clear();
        }
    }

    /// <summary>
    /// The remembered group commit holding record <paramref name="sequence"/> of <paramref name="segment"/>
    /// (at journal <paramref name="offset"/>), and the record's index in it, if still held.
    /// </summary>
    /// <remarks>
    /// The group's lines go to the caller: under <paramref name="lease"/>, which keeps its array from being used again
    /// until released; without one, never used again (a reader that holds records as long as it likes).
    /// </remarks>
    private bool TryReadTail(JournalSegment segment, long offset, long sequence, Lease? lease, out TailChunk chunk, out int index)
    {
        lock (gate)
        {
            foreach (var held in tail)
            {
                if (held.Segment == segment && sequence >= held.FirstSequence && sequence < held.FirstSequence + held.Count)
                {
                    chunk = held;
                    index = (int)(sequence - held.FirstSequence);
                    if (held.JournalOffset(index) != offset)
                    {
                        return false;
                    }

                    if (lease is null)
                    {
                        held.Escaped = true;
                    }
                    else
                    {
                        held.Leases++;
                        lease.Chunks.Add(held);
                    }

                    return true;
                }
            }
        }

        chunk = null!;
        index = 0;
        return false;
    }

    /// <summary>
    /// What a consumer's records read from memory hold: the groups they came from, whose arrays are not used again
    /// until <see cref="DurableOutbox.Release"/> (the InfluxDB forwarder holds one per batch until the batch is
    /// committed or given up, so no request can still be sending it). Records read without one keep their arrays
    /// for good.
    /// </summary>
    internal sealed class Lease
    {
        internal List<TailChunk> Chunks { get; } = [];
    }

    /// <summary>
    /// One group commit's records in memory: their lines, each followed by '\n' (what a write request's
    /// body holds), where each starts, and what the journal keeps beside each line (sequence, appended-at,
    /// precision). Record i is line i; in the journal it starts <see cref="JournalSegment.RecordHeaderSize"/>
    /// bytes per earlier record (less the newline the journal does not store) after <paramref name="Offset"/>.
    /// </summary>
    /// <param name="Segment">The segment the records were written to.</param>
    /// <param name="Offset">Where the first record starts in that segment.</param>
    /// <param name="FirstSequence">The first record's sequence.</param>
    /// <param name="AppendedAtUnixMs">When the group was made durable (all its records).</param>
    /// <param name="Precision">The records' precision, unless <paramref name="Precisions"/> gives one per record.</param>
    /// <param name="Precisions">One per record when the group's appends had different precisions, else null.</param>
    /// <param name="Lines">The lines, each followed by '\n', then (a pooled array, <see cref="TailBodyPool"/>) only '\n' to its end.</param>
    /// <param name="Starts">Where line i starts in <paramref name="Lines"/>; one more entry: where the lines end.</param>
    internal sealed record TailChunk(
        JournalSegment Segment, long Offset, long FirstSequence, long AppendedAtUnixMs,
        WritePrecision Precision, WritePrecision[]? Precisions, byte[] Lines, int[] Starts)
    {
        public int Count => Starts.Length - 1;

        /// <summary>Still in the tail (readers may find it).</summary>
        public bool InTail { get; set; } = true;

        /// <summary>Leases held on it (<see cref="Lease"/>). Under the outbox's gate.</summary>
        public int Leases { get; set; }

        /// <summary>Handed out without a lease (or given back): its array is never used again. Under the outbox's gate.</summary>
        public bool Escaped { get; set; }

        public long LastSequence => FirstSequence + Count - 1;

        public long Bytes => Lines.Length + (Starts.Length * sizeof(int));

        public WritePrecision PrecisionAt(int index) => Precisions?[index] ?? Precision;

        /// <summary>Line <paramref name="index"/> without its newline.</summary>
        public ReadOnlyMemory<byte> Line(int index) => Lines.AsMemory(Starts[index], Starts[index + 1] - Starts[index] - 1);

        /// <summary>Where record <paramref name="index"/> (or, for <see cref="Count"/>, the next record) starts in the segment.</summary>
        public long JournalOffset(int index) => Offset + ((long)(JournalSegment.RecordHeaderSize - 1) * index) + Starts[index];
    }
}
