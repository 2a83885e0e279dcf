namespace CableTest.Protocols.LineProtocol;

/// <summary>
/// A value that cannot be written as line protocol (NaN, infinity, an empty key, a newline in a
/// name). Raised at the point the value is given, so nothing invalid is ever queued or silently dropped.
/// </summary>
public sealed class LineProtocolException(string message) : ArgumentException(message);
