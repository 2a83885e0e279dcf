using CableTest.Protocols.LineProtocol;

namespace CableTest.Storage.Outbox;

public sealed partial class DurableOutbox
{
    /// <summary>
    /// Leader of one group commit: takes every queued append, writes them to the active segment(s)
    /// with one fsync per segment touched, completes each caller, and passes the lead to the first
    /// append queued in the meantime (or marks the journal idle). Runs on the leading caller's thread;
    /// the fsync blocks it, as a single append's always did.
    /// </summary>
    private void WriteQueuedGroup()
    {
        List<PendingAppend> group;
        lock (queueGate)
        {
            group = queue;
            queue = [];
        }

        appendLock.Wait();
        try
        {
            WriteGroup(group);
        }
        finally
        {
            appendLock.Release();
        }

        PendingAppend? next = null;
        lock (queueGate)
        {
            if (queue.Count > 0)
            {
                next = queue[0];
            }
            else
            {
                writerActive = false;
            }
        }

        foreach (var append in group)
        {
            append.Turn.TrySetResult(true);
        }

        next?.Turn.TrySetResult(false);
    }

    private void WriteGroup(List<PendingAppend> group)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        encodeBuffer.ResetWrittenCount();
        var chunk = new List<PendingAppend>(group.Count);
        var sequence = lastSequence;
        var pendingBytes = 0L;
        JournalSegment? segment = null;
        foreach (var append in group)
        {
            try
            {
                var incoming = append.Lines.Sum(l => (long)JournalSegment.RecordHeaderSize + l.Length);
                EnsureRoom(pendingBytes + incoming);
                if (chunk.Count > 0 && WouldStartSegment(pendingBytes + incoming))
                {
                    // The group crosses a segment boundary: what is encoded goes durably into the old one first.
                    sequence = Flush(segment!, chunk, sequence, now);
                    pendingBytes = 0;
                }

                segment = ActiveSegmentFor(pendingBytes + incoming);
                foreach (var line in append.Lines)
                {
                    var span = encodeBuffer.GetSpan(JournalSegment.RecordHeaderSize + line.Length);
                    encodeBuffer.Advance(JournalSegment.Encode(span, ++sequence, now, (byte)append.Precision, line.Span));
                }

                append.Sequence = sequence;
                pendingBytes += incoming;
                chunk.Add(append);
            }
            catch (OutboxFullException e)
            {
                append.Error = e;
            }
        }

        if (chunk.Count > 0)
        {
            Flush(segment!, chunk, sequence, now);
        }
    }

    private bool WouldStartSegment(long incomingWithPending)
    {
        lock (gate)
        {
            return segments[^1].Length + incomingWithPending > options.SegmentBytes;
        }
    }

    /// <summary>
    /// Writes and fsyncs the records encoded for <paramref name="chunk"/>; returns the journal's last
    /// sequence afterwards. On a write or fsync error each append of the chunk fails with it and the
    /// sequence stays where it was (the next write overwrites whatever reached the file).
    /// </summary>
    private long Flush(JournalSegment segment, List<PendingAppend> chunk, long sequence, long now)
    {
        try
        {
            var offset = segment.Length;
            segment.AppendDurably(encodeBuffer.WrittenSpan, sequence, now);
            if (segment.DirectWritesRefused is { } reason && !directWritesRefusalLogged)
            {
                directWritesRefusalLogged = true;
                LogDirectWritesRefused(logger, directory, reason);
            }

            RememberTail(segment, offset, sequence, now, chunk);
            refusedSinceLastChange = false;
            Volatile.Write(ref lastSequence, sequence);
            Interlocked.Exchange(ref appended, NewSignal()).TrySetResult();
            UpdateAlarm();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var append in chunk)
            {
                append.Error = e;
            }
        }

        chunk.Clear();
        encodeBuffer.ResetWrittenCount();
        return lastSequence;
    }

    /// <summary>One caller's append waiting in the group-commit queue.</summary>
    private sealed class PendingAppend(IReadOnlyList<ReadOnlyMemory<byte>> lines, WritePrecision precision)
    {
        public IReadOnlyList<ReadOnlyMemory<byte>> Lines { get; } = lines;

        public WritePrecision Precision { get; } = precision;

        /// <summary>true: written (see <see cref="Sequence"/> or <see cref="Error"/>); false: lead the next group.</summary>
        public TaskCompletionSource<bool> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Sequence { get; set; }

        public Exception? Error { get; set; }
    }
}
