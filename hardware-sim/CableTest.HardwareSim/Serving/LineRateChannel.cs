using CableTest.Transports;

namespace CableTest.HardwareSim.Serving;

/// <summary>
/// Paces a simulated device's end of a pseudo-terminal to the wire, never faster than it. A chunk the driver writes
/// starts on the wire when it is seen (or when the line is free) and its last character has arrived one character
/// time per byte later. With a <c>frameSilence</c> (Modbus RTU: t3.5) the device reads a frame only once the line
/// has been silent that long after its last character, and a frame may not start within that silence after the
/// device's own reply (it is held back until then, and counted in <see cref="EarlyFrames"/>). A reply starts no
/// earlier than <see cref="LineRateOptions.ReplyDelay"/> after the request was read, and byte k of it is released
/// no earlier than start + k character times, so its last byte arrives exactly when it would have on the wire.
/// Timestamps are absolute (errors do not accumulate) and waits go through <see cref="LinePacer"/>.
/// Does not own the inner channel.
/// </summary>
internal sealed class LineRateChannel : IByteChannel
{
    private static readonly TimeSpan PreciseWindow = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan CoarseStep = TimeSpan.FromMilliseconds(1);
    private readonly IByteChannel inner;
    private readonly LineRateOptions options;
    private readonly TimeProvider time;
    private readonly double characterTicks;
    private readonly long silenceTicks;
    private readonly long preciseWindowTicks;
    private readonly long coarseStepTicks;
    private readonly byte[] received = new byte[4096];
    private readonly byte[] chunk = new byte[1024];
    private CancellationTokenSource lifetime = new();
    private Task<int>? pendingRead;
    private long pendingReadAt;
    private int filled;
    private int readable;
    private bool peerClosed;
    private long receivedUntil;
    private long requestReadAt;
    private long readLateTicks;
    private long sentUntil;
    private long earlyFrames;
    private long frameSeenAt;
    private long replyEndAt;
    private long frames;
    private long framesLateTicks;
    private long replies;
    private long repliesLateTicks;

    /// <param name="inner">The device's end of the line.</param>
    /// <param name="serial">Baud rate and character format (bits per character).</param>
    /// <param name="options">Reply delay.</param>
    /// <param name="time">The system clock paces through <see cref="LinePacer"/>; another provider (tests) through its own timers.</param>
    /// <param name="frameSilence">Silence that ends a frame (Modbus RTU t3.5); zero for character protocols (SCPI).</param>
    public LineRateChannel(IByteChannel inner, SerialSettings serial, LineRateOptions options, TimeProvider time, TimeSpan frameSilence = default)
    {
        this.inner = inner;
        this.options = options;
        this.time = time;
        characterTicks = (double)serial.BitsPerCharacter / serial.BaudRate * time.TimestampFrequency;
        silenceTicks = ToTimestampTicks(frameSilence);
        preciseWindowTicks = ToTimestampTicks(PreciseWindow);
        coarseStepTicks = Math.Max(ToTimestampTicks(CoarseStep), (long)Math.Ceiling(characterTicks));
    }

    public string Name => inner.Name;

    public bool IsOpen => inner.IsOpen;

    /// <summary>Frames the driver started inside the silence after a reply (a real device would have lost them).</summary>
    public long EarlyFrames => Interlocked.Read(ref earlyFrames);

    /// <summary>How late, on average, the device got a frame after it was due (the emulation's own wake-up latency).</summary>
    public TimeSpan MeanFrameLateness => Mean(Interlocked.Read(ref framesLateTicks), Interlocked.Read(ref frames));

    /// <summary>How late, on average, a reply's last byte was handed over after its wire time.</summary>
    public TimeSpan MeanReplyLateness => Mean(Interlocked.Read(ref repliesLateTicks), Interlocked.Read(ref replies));

    /// <summary>Timestamp at which the first byte of the latest frame was seen (benchmarks: the driver's side of a cycle).</summary>
    public long FrameSeenAt => Volatile.Read(ref frameSeenAt);

    /// <summary>Timestamp at which the latest reply's last byte has crossed the wire.</summary>
    public long ReplyEndAt => Volatile.Read(ref replyEndAt);

    public ValueTask OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

    public async ValueTask CloseAsync()
    {
        await StopReadingAsync().ConfigureAwait(false);
        await inner.CloseAsync().ConfigureAwait(false);
    }

    public async ValueTask DiscardInputAsync(CancellationToken cancellationToken)
    {
        (filled, readable) = (0, 0);
        if (pendingRead is { IsCompleted: true })
        {
            pendingRead = null;
        }

        if (pendingRead is null)
        {
            await inner.DiscardInputAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopReadingAsync().ConfigureAwait(false);
        lifetime.Dispose();
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (readable == 0)
        {
            if (filled == 0)
            {
                if (peerClosed)
                {
                    peerClosed = false;
                    return 0;
                }

                var first = pendingRead ??= ReadInnerAsync();
                await first.WaitAsync(cancellationToken).ConfigureAwait(false);
                Absorb(first);
                continue;
            }

            // The bytes so far are readable once they have crossed the wire (and, for a frame, the line has been
            // silent for the frame gap after them); more bytes arriving meanwhile extend the frame.
            var framing = silenceTicks > 0 && !peerClosed && filled <= received.Length - chunk.Length;
            var more = framing ? pendingRead ??= ReadInnerAsync() : null;
            var due = receivedUntil + (framing ? silenceTicks : 0);
            if (await WaitAsync(due, more, cancellationToken).ConfigureAwait(false))
            {
                readable = filled;
                requestReadAt = due;
                readLateTicks = Math.Max(0, time.GetTimestamp() - due);
                Interlocked.Add(ref framesLateTicks, readLateTicks);
                Interlocked.Increment(ref frames);
            }
            else
            {
                Absorb(more!);
            }
        }

        var n = Math.Min(readable, buffer.Length);
        received.AsSpan(0, n).CopyTo(buffer.Span);
        received.AsSpan(n, filled - n).CopyTo(received);
        filled -= n;
        readable -= n;
        return n;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (data.IsEmpty)
        {
            return;
        }

        // The device's turnaround is its own processing (from when it got the frame) or the reply delay, whichever is
        // longer; the emulation's lateness in handing the frame over is not the device's and is taken back out.
        var processed = time.GetTimestamp() - readLateTicks;
        readLateTicks = 0;
        var start = Math.Max(Math.Max(processed, requestReadAt + ToTimestampTicks(options.ReplyDelay)), Math.Max(receivedUntil, sentUntil));
        var last = start + (long)Math.Ceiling(data.Length * characterTicks);
        Volatile.Write(ref replyEndAt, last);
        var sent = 0;
        while (sent < data.Length)
        {
            var now = time.GetTimestamp();
            var arrived = now >= last ? data.Length : (int)Math.Min(data.Length - 1, Math.Max(0, Math.Floor((now - start) / characterTicks)));
            if (arrived > sent)
            {
                await inner.WriteAsync(data[sent..arrived], cancellationToken).ConfigureAwait(false);
                sent = arrived;
                continue;
            }

            // Bytes in the middle of a reply may be handed over late (coarse steps, no spinning); the last two exactly,
            // so a reader sees the end of a reply come in character by character as on a wire, not after a pause.
            var next = start + (long)Math.Ceiling((sent + 1) * characterTicks);
            var penultimate = start + (long)Math.Ceiling((data.Length - 1) * characterTicks);
            var near = last - now <= preciseWindowTicks;
            var until = near ? (sent < data.Length - 1 ? Math.Max(next, penultimate) : last)
                : Math.Min(Math.Max(next, now + coarseStepTicks), last - (preciseWindowTicks / 2));
            await DelayAsync(until, near, cancellationToken).ConfigureAwait(false);
        }

        sentUntil = last;
        Interlocked.Add(ref repliesLateTicks, Math.Max(0, time.GetTimestamp() - last));
        Interlocked.Increment(ref replies);
    }

    private async Task<int> ReadInnerAsync()
    {
        var n = await inner.ReadAsync(chunk, lifetime.Token).ConfigureAwait(false);
        pendingReadAt = time.GetTimestamp();
        return n;
    }

    /// <summary>Takes a completed inner read into the frame: its first byte enters the wire when seen, or when the line is free.</summary>
    private void Absorb(Task<int> read)
    {
        pendingRead = null;
        var n = read.GetAwaiter().GetResult();
        if (n <= 0)
        {
            peerClosed = true;
            return;
        }

        var enters = Math.Max(pendingReadAt, receivedUntil);
        if (filled == 0)
        {
            Volatile.Write(ref frameSeenAt, pendingReadAt);
        }

        if (silenceTicks > 0 && filled == 0 && enters < sentUntil + silenceTicks)
        {
            Interlocked.Increment(ref earlyFrames);
            enters = sentUntil + silenceTicks;
        }

        receivedUntil = enters + (long)Math.Ceiling(n * characterTicks);
        chunk.AsSpan(0, n).CopyTo(received.AsSpan(filled));
        filled += n;
    }

    /// <summary>True once <paramref name="until"/> has passed; false as soon as <paramref name="race"/> completes first.</summary>
    private async ValueTask<bool> WaitAsync(long until, Task<int>? race, CancellationToken cancellationToken)
    {
        if (race is null)
        {
            await DelayAsync(until, precise: true, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (race.IsCompleted)
        {
            return false;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = DelayAsync(until, precise: true, stop.Token);
        if (await Task.WhenAny(race, timer).ConfigureAwait(false) == race)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            return false;
        }

        await timer.ConfigureAwait(false);
        return true;
    }

    private Task DelayAsync(long until, bool precise, CancellationToken cancellationToken)
    {
        if (time == TimeProvider.System)
        {
            return LinePacer.Shared.Until(until, precise, cancellationToken);
        }

        var left = time.GetElapsedTime(time.GetTimestamp(), until);
        return left > TimeSpan.Zero ? Task.Delay(left, time, cancellationToken) : Task.CompletedTask;
    }

    private async ValueTask StopReadingAsync()
    {
        await lifetime.CancelAsync().ConfigureAwait(false);
        if (pendingRead is { } read)
        {
            try
            {
                await read.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or TransportException or IOException or ObjectDisposedException)
            {
            }
        }

        (pendingRead, filled, readable, peerClosed) = (null, 0, 0, false);
        lifetime.Dispose();
        lifetime = new CancellationTokenSource();
    }

    private TimeSpan Mean(long ticks, long count) =>
        TimeSpan.FromSeconds(count == 0 ? 0 : (double)ticks / count / time.TimestampFrequency);

    private long ToTimestampTicks(TimeSpan span) => (long)Math.Ceiling(span.TotalSeconds * time.TimestampFrequency);
}
