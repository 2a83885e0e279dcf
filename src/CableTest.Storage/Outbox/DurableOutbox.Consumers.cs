using System.Globalization;
using System.Text;
using System.Text.Json;
using CableTest.Protocols.LineProtocol;

namespace CableTest.Storage.Outbox;

public sealed partial class DurableOutbox
{
    private const string QuarantineFile = "quarantine.jsonl";
    private const int ReadChunkBytes = 1 << 20;

    private long chunksReadFromDisk;

    /// <summary>How many times a consumer's read went to the journal on disk (for tests).</summary>
    internal long ChunksReadFromDiskForTests => Interlocked.Read(ref chunksReadFromDisk);

    /// <summary>How many group commits the tail holds in memory (for tests).</summary>
    internal int TailGroupsForTests
    {
        get
        {
            lock (gate)
            {
                return tail.Count;
            }
        }
    }

    /// <summary>
    /// Reads up to <paramref name="maxRecords"/> records (and about <paramref name="maxBytes"/> bytes)
    /// after what <paramref name="consumer"/> has read so far. The consumer keeps them until delivered;
    /// <see cref="Rewind"/> goes back to its durable cursor (after a failure it could not hold on to).
    /// Records of one batch share one precision.
    /// </summary>
    public IReadOnlyList<OutboxRecord> Read(string consumer, int maxRecords, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        return Read(GetConsumer(consumer), maxRecords, maxBytes, null);
    }

    /// <summary>
    /// As <see cref="Read(string, int, int)"/>, as a list the caller may keep adding to (no copy); what is read from
    /// memory is held by <paramref name="lease"/> until the caller releases it (<see cref="Release"/>), and must not be
    /// read after that.
    /// </summary>
    /// <param name="into">An empty list to read into (one the caller used before: a batch's list is a large array), or null for a new one.</param>
    internal List<OutboxRecord> ReadList(string consumer, int maxRecords, int maxBytes, Lease lease, List<OutboxRecord>? into = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        return Read(GetConsumer(consumer), maxRecords, maxBytes, null, lease, into);
    }

    /// <summary>As <see cref="Read(string, int, int, WritePrecision)"/>, under <paramref name="lease"/> (see <see cref="ReadList(string, int, int, Lease, List{OutboxRecord})"/>).</summary>
    internal List<OutboxRecord> ReadList(string consumer, int maxRecords, int maxBytes, WritePrecision precision, Lease lease)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        return Read(GetConsumer(consumer), maxRecords, maxBytes, precision, lease);
    }

    /// <summary>
    /// As <see cref="Read(string, int, int)"/>, but stops before the first record whose precision is
    /// not <paramref name="precision"/> (to top up a batch already read).
    /// </summary>
    public IReadOnlyList<OutboxRecord> Read(string consumer, int maxRecords, int maxBytes, WritePrecision precision)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        return Read(GetConsumer(consumer), maxRecords, maxBytes, precision);
    }

    /// <summary>
    /// The newest (at most <paramref name="maxRecords"/>) records <paramref name="consumer"/> has
    /// delivered that are still on disk (see <see cref="OutboxOptions.RetainDelivered"/>), oldest first,
    /// without moving anything: what a read-back check compares the sink against. Empty while the
    /// consumer is being sent back over them (<see cref="Redeliver"/>).
    /// </summary>
    public IReadOnlyList<OutboxRecord> ReadDelivered(string consumer, int maxRecords)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        var c = GetConsumer(consumer);
        Consumer scan;
        long upTo;
        lock (gate)
        {
            upTo = c.Cursor;
            var first = segments.FirstOrDefault(s => !s.IsEmpty)?.FirstSequence ?? (lastSequence + 1);
            if (c.NextToRead <= c.Cursor || first > upTo)
            {
                return [];
            }

            scan = new Consumer("read-back") { Cursor = upTo, NextToRead = Math.Max(first, upTo - maxRecords + 1) };
        }

        var result = new List<OutboxRecord>();
        while (scan.NextToRead <= upTo)
        {
            var batch = Read(scan, (int)Math.Min(4096, upTo - scan.NextToRead + 1), ReadChunkBytes, null);
            if (batch.Count == 0)
            {
                break;
            }

            result.AddRange(batch.Where(r => r.Sequence <= upTo));
        }

        return result;
    }

    /// <summary>True while <paramref name="consumer"/> is being sent back over delivered records.</summary>
    public bool IsRedelivering(string consumer)
    {
        var c = GetConsumer(consumer);
        lock (gate)
        {
            return c.NextToRead <= c.Cursor;
        }
    }

    private List<OutboxRecord> Read(Consumer c, int maxRecords, int maxBytes, WritePrecision? only, Lease? lease = null, List<OutboxRecord>? into = null)
    {
        // Sized once for what the journal holds after the consumer (a 5,000-record batch grown by
        // doubling left four arrays of garbage, the larger ones on the large object heap).
        var expected = (int)Math.Clamp(Volatile.Read(ref lastSequence) - c.NextToRead + 1, 0, maxRecords);
        if (into is not null && into.Count != 0)
        {
            throw new ArgumentException("the list to read into must be empty", nameof(into));
        }

        var result = into ?? new List<OutboxRecord>(expected);
        result.EnsureCapacity(expected);
        var bytes = 0;
        while (result.Count < maxRecords && bytes < maxBytes)
        {
            var (segment, offset) = Locate(c);
            if (segment is null)
            {
                break;
            }

            // Records made durable a moment ago are still in memory (DurableOutbox.Tail.cs): no read,
            // and no CRC check of bytes that never left this process.
            if (TryReadTail(segment, offset, c.NextToRead, lease, out var held, out var index))
            {
                while (result.Count < maxRecords && bytes < maxBytes && index < held.Count)
                {
                    var precision = held.PrecisionAt(index);
                    if ((only ?? (result.Count > 0 ? result[0].Precision : precision)) != precision)
                    {
                        return result;
                    }

                    var line = held.Line(index);
                    result.Add(new OutboxRecord(c.NextToRead, held.AppendedAtUnixMs, precision, line));
                    bytes += JournalSegment.RecordHeaderSize + line.Length;
                    c.NextToRead++;
                    c.Segment = segment;
                    c.Offset = held.JournalOffset(++index);
                }

                continue;
            }

            // Otherwise what the last read from disk left over, if it starts with the next record; else read what
            // this batch can use, not the rest of the segment: at most ReadChunkBytes (or the byte budget left), but
            // always the whole next record.
            ReadOnlyMemory<byte> chunk;
            if (c.Leftover is { } left && left.Segment == segment && left.Offset == offset && JournalSegment.TryParse(left.Data.Span, c.NextToRead, out _, out _))
            {
                chunk = left.Data;
            }
            else
            {
                chunk = ReadChunk(segment, offset, maxBytes - bytes);
                Interlocked.Increment(ref chunksReadFromDisk);
            }

            c.Leftover = null;
            var read = chunk.Length;
            var data = chunk.Span;
            var at = 0;
            while (result.Count < maxRecords && bytes < maxBytes && at < read)
            {
                if (!JournalSegment.TryParse(data[at..], c.NextToRead, out var size, out var appendedAt))
                {
                    break;
                }

                var precision = (WritePrecision)data[at + 24];
                if ((only ?? (result.Count > 0 ? result[0].Precision : precision)) != precision)
                {
                    return result;
                }

                result.Add(new OutboxRecord(c.NextToRead, appendedAt, precision, chunk.Slice(at + JournalSegment.RecordHeaderSize, size - JournalSegment.RecordHeaderSize)));
                at += size;
                bytes += size;
                c.NextToRead++;
                c.Segment = segment;
                c.Offset = offset + at;
            }

            if (at == 0)
            {
                // Not even one record fitted or parsed: stop rather than spin.
                break;
            }

            // The rest of the chunk, for this consumer's next read (a batch ends by its count well before a
            // chunk's end: read again, the same bytes would cost a second read into a new array).
            c.Leftover = at < read ? new DiskLeftover(segment, offset + at, chunk[at..]) : null;
        }

        return result;
    }

    /// <summary>Reads from disk at most ReadChunkBytes (or <paramref name="budget"/>) from <paramref name="offset"/>, but always the whole record there.</summary>
    private static ReadOnlyMemory<byte> ReadChunk(JournalSegment segment, long offset, int budget)
    {
        var available = segment.Length - offset;
        var want = Math.Min(available, Math.Clamp(budget, JournalSegment.RecordHeaderSize, ReadChunkBytes));
        Span<byte> length = stackalloc byte[4];
        if (segment.Read(offset, length) == 4)
        {
            want = Math.Min(available, Math.Max(want, JournalSegment.RecordHeaderSize + BitConverter.ToUInt32(length)));
        }

        var chunk = new byte[(int)want];
        var read = 0;
        while (read < chunk.Length)
        {
            var n = segment.Read(offset + read, chunk.AsSpan(read));
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return chunk.AsMemory(0, read);
    }

    /// <summary>Forgets what <paramref name="consumer"/> read but did not commit.</summary>
    public void Rewind(string consumer)
    {
        var c = GetConsumer(consumer);
        lock (gate)
        {
            c.NextToRead = c.Cursor + 1;
            c.Segment = null;
        }
    }

    /// <summary>
    /// Records that <paramref name="consumer"/> has delivered (or quarantined) everything up to and
    /// including <paramref name="upToSequence"/>. The cursor file is written (fsync, rename, directory
    /// fsync) at most every <see cref="OutboxOptions.CursorSyncInterval"/> and on
    /// <see cref="SyncCursors"/> / dispose: a crash in between re-delivers at most that window, which
    /// is harmless (a point is keyed by series and timestamp), and the next batch is not held up by
    /// three fsyncs. Segments are deleted only behind durable cursors.
    /// </summary>
    public void Commit(string consumer, long upToSequence, int deliveredCount)
    {
        var c = GetConsumer(consumer);
        if (upToSequence <= c.Cursor)
        {
            return;
        }

        if (upToSequence > Volatile.Read(ref lastSequence))
        {
            throw new ArgumentOutOfRangeException(nameof(upToSequence), $"cannot commit {upToSequence}: the journal ends at {lastSequence}");
        }

        lock (gate)
        {
            c.Cursor = upToSequence;
            if (c.NextToRead <= upToSequence)
            {
                c.NextToRead = upToSequence + 1;
                c.Segment = null;
            }

            TrimTail();
        }

        Interlocked.Add(ref delivered, deliveredCount);
        if (time.GetUtcNow() - c.SyncedAt >= options.CursorSyncInterval)
        {
            SyncCursor(c);
        }

        SetAlarm(GetStatus().Alarm);
    }

    /// <summary>Makes every consumer's cursor durable now (a forwarder going idle, shutdown).</summary>
    public void SyncCursors()
    {
        foreach (var c in ConsumerList())
        {
            SyncCursor(c);
        }
    }

    private Consumer[] ConsumerList()
    {
        lock (gate)
        {
            return [.. consumers.Values];
        }
    }

    private void SyncCursor(Consumer c)
    {
        lock (c)
        {
            var cursor = c.Cursor;
            if (cursor == c.DurableCursor)
            {
                DeleteDeliveredSegments();
                return;
            }

            var path = Path.Combine(directory, c.Name + ".cursor");
            var temp = path + ".tmp";
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(Encoding.ASCII.GetBytes(cursor.ToString(CultureInfo.InvariantCulture)));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
            DirectorySync.Flush(directory);
            c.DurableCursor = cursor;
            c.SyncedAt = time.GetUtcNow();
        }

        DeleteDeliveredSegments();
    }

    /// <summary>
    /// Keeps a record the server refused as malformed (HTTP 400/422) in quarantine.jsonl, with the
    /// reason, and counts it. The caller then commits past it; nothing is dropped silently.
    /// </summary>
    public void Quarantine(string consumer, OutboxRecord record, string reason)
    {
        var entry = JsonSerializer.Serialize(new QuarantineEntry(
            consumer, record.Sequence, DateTimeOffset.FromUnixTimeMilliseconds(record.AppendedAtUnixMs), time.GetUtcNow(), reason,
            Encoding.UTF8.GetString(record.Payload.Span)), QuarantineJson.Default.QuarantineEntry);
        lock (gate)
        {
            using var stream = new FileStream(Path.Combine(directory, QuarantineFile), FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(Encoding.UTF8.GetBytes(entry + "\n"));
            stream.Flush(flushToDisk: true);
        }

        Interlocked.Increment(ref quarantined);
    }

    /// <summary>Every quarantined record so far (for the status page and operators).</summary>
    public IReadOnlyList<QuarantineEntry> ReadQuarantine()
    {
        var path = Path.Combine(directory, QuarantineFile);
        if (!File.Exists(path))
        {
            return [];
        }

        return [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize(l, QuarantineJson.Default.QuarantineEntry)!)];
    }

    private long CountQuarantined()
    {
        var path = Path.Combine(directory, QuarantineFile);
        return File.Exists(path) ? File.ReadLines(path).LongCount(l => l.Length > 0) : 0;
    }

    private Consumer GetConsumer(string name)
    {
        lock (gate)
        {
            return consumers.TryGetValue(name, out var c)
                ? c
                : throw new ArgumentException($"'{name}' is not a registered outbox consumer ({string.Join(", ", consumers.Keys)})");
        }
    }

    /// <summary>The segment and byte offset of the consumer's next record, or (null, 0) when none.</summary>
    private (JournalSegment? Segment, long Offset) Locate(Consumer c)
    {
        lock (gate)
        {
            if (c.NextToRead > lastSequence)
            {
                return (null, 0);
            }

            if (c.Segment is { } known && segments.Contains(known) && c.NextToRead <= known.LastSequence)
            {
                return (known, c.Offset);
            }

            // Skip records no longer on disk (damaged segment) and find the holder of NextToRead.
            var holder = segments.FirstOrDefault(s => !s.IsEmpty && s.LastSequence >= c.NextToRead);
            if (holder is null)
            {
                return (null, 0);
            }

            if (holder.FirstSequence > c.NextToRead)
            {
                c.NextToRead = holder.FirstSequence;
            }

            var offset = (long)JournalSegment.HeaderSize;
            var header = new byte[4];
            for (var seq = holder.FirstSequence; seq < c.NextToRead; seq++)
            {
                holder.Read(offset, header);
                offset += JournalSegment.RecordHeaderSize + BitConverter.ToUInt32(header);
            }

            c.Segment = holder;
            c.Offset = offset;
            return (holder, offset);
        }
    }

    /// <summary>
    /// Deletes segments every consumer's durable cursor has passed and whose last record is older than
    /// <see cref="OutboxOptions.RetainDelivered"/>; with <paramref name="needBytes"/> &gt; 0 also delivered
    /// segments still inside that window, oldest first, until that many bytes are freed (room for new
    /// readings comes before the retained window).
    /// </summary>
    private void DeleteDeliveredSegments(long needBytes = 0)
    {
        lock (gate)
        {
            var minCursor = consumers.Count == 0 ? lastSequence : consumers.Values.Min(c => c.DurableCursor);
            var retainAfter = (time.GetUtcNow() - options.RetainDelivered).ToUnixTimeMilliseconds();
            var freed = 0L;
            while (segments.Count > 1 && segments[0].LastSequence <= minCursor
                && (segments[0].LastAppendedUnixMs <= retainAfter || freed < needBytes))
            {
                var old = segments[0];
                segments.RemoveAt(0);
                foreach (var c in consumers.Values.Where(c => c.Segment == old))
                {
                    c.Segment = null;
                }

                freed += old.Length;
                old.Dispose();
                File.Delete(old.Path);
                refusedSinceLastChange = false;
            }
        }
    }

    /// <summary>
    /// Sends <paramref name="consumer"/> back over the delivered records still retained (see
    /// <see cref="OutboxOptions.RetainDelivered"/>): its next reads start at the oldest record on disk;
    /// commits do not move its cursor until they pass it again. For a sink that lost acknowledged points.
    /// Returns how many delivered records will be sent again.
    /// </summary>
    public long Redeliver(string consumer)
    {
        var c = GetConsumer(consumer);
        lock (gate)
        {
            var first = segments.FirstOrDefault(s => !s.IsEmpty)?.FirstSequence ?? (lastSequence + 1);
            if (first > c.Cursor)
            {
                return 0;
            }

            c.NextToRead = first;
            c.Segment = null;
            return c.Cursor - first + 1;
        }
    }

    /// <summary>Bytes of <paramref name="Segment"/> read from disk, from <paramref name="Offset"/> on, not yet returned.</summary>
    private sealed record DiskLeftover(JournalSegment Segment, long Offset, ReadOnlyMemory<byte> Data);

    private sealed class Consumer(string name)
    {
        public string Name { get; } = name;

        public long Cursor { get; set; }

        /// <summary>The cursor as last written to its file.</summary>
        public long DurableCursor { get; set; }

        public DateTimeOffset SyncedAt { get; set; } = DateTimeOffset.MinValue;

        public long NextToRead { get; set; }

        public JournalSegment? Segment { get; set; }

        public long Offset { get; set; }

        /// <summary>What this consumer's last read from disk read beyond the records it returned (its bytes are never changed).</summary>
        public DiskLeftover? Leftover { get; set; }
    }
}

/// <summary>A record InfluxDB refused as malformed, kept with the reason.</summary>
public sealed record QuarantineEntry(string Consumer, long Sequence, DateTimeOffset AppendedAt, DateTimeOffset QuarantinedAt, string Reason, string Line);

[System.Text.Json.Serialization.JsonSerializable(typeof(QuarantineEntry))]
internal sealed partial class QuarantineJson : System.Text.Json.Serialization.JsonSerializerContext;
