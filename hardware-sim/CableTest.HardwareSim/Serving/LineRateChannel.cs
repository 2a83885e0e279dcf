using CableTest.Transports;

namespace CableTest.HardwareSim.Serving;

/// <summary>
/// Paces a simulated device's end of a pseudo-terminal to the wire: received bytes become readable only once they
/// would have crossed the line (n character times after the previous ones), and writes wait the reply delay and
/// then leave at one character time per byte (deadline-based, so timer granularity does not accumulate).
/// Does not own the inner channel.
/// </summary>
internal sealed class LineRateChannel(IByteChannel inner, SerialSettings serial, LineRateOptions options, TimeProvider time) : IByteChannel
{
    private readonly double characterTicks = (double)serial.BitsPerCharacter / serial.BaudRate * TimeSpan.TicksPerSecond;
    private long receivedUntilTimestamp;

    public string Name => inner.Name;

    public bool IsOpen => inner.IsOpen;

    public ValueTask OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

    public ValueTask CloseAsync() => inner.CloseAsync();

    public ValueTask DiscardInputAsync(CancellationToken cancellationToken) => inner.DiscardInputAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (n <= 0)
        {
            return n;
        }

        var now = time.GetTimestamp();
        var from = Math.Max(now, receivedUntilTimestamp);
        receivedUntilTimestamp = from + ToTimestamp(n * characterTicks);
        await WaitUntilAsync(receivedUntilTimestamp, cancellationToken).ConfigureAwait(false);
        return n;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (options.ReplyDelay > TimeSpan.Zero)
        {
            await Task.Delay(options.ReplyDelay, time, cancellationToken).ConfigureAwait(false);
        }

        var start = time.GetTimestamp();
        var sent = 0;
        while (sent < data.Length)
        {
            var elapsedTicks = time.GetElapsedTime(start).Ticks;
            var due = (int)Math.Min(data.Length, Math.Floor(elapsedTicks / characterTicks) + 1);
            if (due > sent)
            {
                await inner.WriteAsync(data[sent..due], cancellationToken).ConfigureAwait(false);
                sent = due;
                continue;
            }

            await WaitUntilAsync(start + ToTimestamp(sent * characterTicks), cancellationToken).ConfigureAwait(false);
        }

        // The last character occupies the wire for one more character time.
        await WaitUntilAsync(start + ToTimestamp(data.Length * characterTicks), cancellationToken).ConfigureAwait(false);
    }

    private long ToTimestamp(double ticks) => (long)(ticks * time.TimestampFrequency / TimeSpan.TicksPerSecond);

    private async ValueTask WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var remaining = TimeSpan.FromSeconds((double)(timestamp - time.GetTimestamp()) / time.TimestampFrequency);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
