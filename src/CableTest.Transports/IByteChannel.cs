namespace CableTest.Transports;

/// <summary>
/// A byte stream to one physical line: a serial port, a TCP connection, or an in-memory twin.
/// Transports move bytes only (house style rule 3): framing lives in CableTest.Protocols and the
/// single owner of the line lives in CableTest.Instruments.
/// </summary>
/// <remarks>
/// Not thread-safe: exactly one owner task drives a channel. Every call honours its token, and a
/// cancelled read leaves the channel usable (bytes that arrive later stay buffered for the next read).
/// </remarks>
public interface IByteChannel : IAsyncDisposable
{
    /// <summary>Stable, human-readable identity for logs and recordings, e.g. <c>serial:/dev/ttyUSB0</c>.</summary>
    string Name { get; }

    /// <summary>True between a successful <see cref="OpenAsync"/> and a close, disconnect or dispose.</summary>
    bool IsOpen { get; }

    /// <summary>Opens (or re-opens after a disconnect) the line.</summary>
    ValueTask OpenAsync(CancellationToken cancellationToken);

    /// <summary>Closes the line; a later <see cref="OpenAsync"/> reconnects.</summary>
    ValueTask CloseAsync();

    /// <summary>Writes all of <paramref name="data"/> and returns once it has been handed to the line.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until at least one byte is available and returns as many as fit, at once: a read wakes
    /// as soon as bytes arrive (no polling sleeps). Returns 0 when the peer closed the line.
    /// Throws <see cref="OperationCanceledException"/> when the token fires first.
    /// </summary>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Drops whatever has been received but not read (stale bytes before a new request).</summary>
    ValueTask DiscardInputAsync(CancellationToken cancellationToken);
}
