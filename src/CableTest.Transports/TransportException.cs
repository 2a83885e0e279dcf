namespace CableTest.Transports;

/// <summary>
/// A line could not be opened, or broke while in use. <see cref="IsTransient"/> says whether trying
/// again later can help (a disconnected cable, a refused connection) or not (no such device).
/// </summary>
public sealed class TransportException(string message, bool isTransient, Exception? inner = null) : IOException(message, inner)
{
    public bool IsTransient { get; } = isTransient;
}
