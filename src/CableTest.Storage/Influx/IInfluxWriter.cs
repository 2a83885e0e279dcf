using CableTest.Protocols.LineProtocol;

namespace CableTest.Storage.Influx;

/// <summary>
/// Sends one batch of journalled lines to the server and says how it answered. The batch is sent
/// when called and the call returns only when the server answered: no writer buffers readings, so the
/// outbox stays the only place they wait.
/// </summary>
public interface IInfluxWriter
{
    /// <summary>
    /// Writes <paramref name="lines"/> (one point each, no newlines) as one request. The lines are the writer's to read
    /// until the returned task completes, not after: they may lie in memory the outbox uses again once the batch is done.
    /// </summary>
    Task<WriteOutcome> WriteAsync(IReadOnlyList<ReadOnlyMemory<byte>> lines, WritePrecision precision, CancellationToken cancellationToken);
}
