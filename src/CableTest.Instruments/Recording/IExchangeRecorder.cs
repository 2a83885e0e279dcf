namespace CableTest.Instruments.Recording;

/// <summary>
/// Receives every exchange on every line. Implementations must be thread-safe (several line owners
/// record concurrently), must not block the line for long, and assign <see cref="ExchangeRecord.Sequence"/>.
/// </summary>
public interface IExchangeRecorder
{
    /// <summary>Records one exchange; the <paramref name="exchange"/>'s Sequence is ignored and assigned here.</summary>
    /// <remarks>Request and reply memory may be reused by the caller after the call returns: copy what you keep.</remarks>
    void Record(ExchangeRecord exchange);
}

/// <summary>A recorder that keeps nothing.</summary>
public sealed class NullExchangeRecorder : IExchangeRecorder
{
    /// <summary>The shared instance.</summary>
    public static NullExchangeRecorder Instance { get; } = new();

    /// <inheritdoc />
    public void Record(ExchangeRecord exchange)
    {
    }
}
