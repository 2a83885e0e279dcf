namespace CableTest.Storage.Outbox;

public sealed partial class DurableOutbox
{
    /// <summary>How many bytes of the newest durable records stay in memory for consumers about to read them.</summary>
    private const int TailBytesMax = 16 << 20;

    /// <summary>At most this many group commits are held (many small ones are searched one by one).</summary>
    private const int TailChunksMax = 256;

    private readonly Queue<TailChunk> tail = new();
    private long tailBytes;

    /// <summary>
    /// Keeps a copy of records just made durable (one group commit's bytes, exactly as written at
    /// <paramref name="offset"/> of <paramref name="segment"/>): a consumer keeping up reads them from
    /// here instead of reading back and checking what this process wrote a moment ago. The journal on
    /// disk stays the only record that counts; the oldest copies are dropped past <see cref="TailBytesMax"/> or <see cref="TailChunksMax"/>.
    /// </summary>
    private void RememberTail(JournalSegment segment, long offset, ReadOnlySpan<byte> records)
    {
        var chunk = new TailChunk(segment, offset, records.ToArray());
        lock (gate)
        {
            tail.Enqueue(chunk);
            tailBytes += chunk.Bytes.Length;
            while (tailBytes > TailBytesMax || tail.Count > TailChunksMax)
            {
                tailBytes -= tail.Dequeue().Bytes.Length;
            }
        }
    }

    /// <summary>The remembered bytes of <paramref name="segment"/> from <paramref name="offset"/> to the end of their group commit, if still held.</summary>
    private bool TryReadTail(JournalSegment segment, long offset, out ReadOnlyMemory<byte> bytes)
    {
        lock (gate)
        {
            foreach (var chunk in tail)
            {
                if (chunk.Segment == segment && offset >= chunk.Offset && offset < chunk.Offset + chunk.Bytes.Length)
                {
                    bytes = chunk.Bytes.AsMemory((int)(offset - chunk.Offset));
                    return true;
                }
            }
        }

        bytes = default;
        return false;
    }

    /// <summary>One group commit's records as written: the segment, their offset in it, their bytes.</summary>
    private sealed record TailChunk(JournalSegment Segment, long Offset, byte[] Bytes);
}
