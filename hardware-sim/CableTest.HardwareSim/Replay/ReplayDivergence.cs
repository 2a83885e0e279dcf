namespace CableTest.HardwareSim.Replay;

/// <summary>
/// A request that does not match the recording: the replay never guesses an answer, it reports where the run
/// left the recorded path and stops answering on that line.
/// </summary>
/// <param name="Sequence">Sequence number (in the recording) of the exchange that was expected; one past the last when the recording was exhausted.</param>
/// <param name="Line">Recorded line.</param>
/// <param name="Device">Recorded device of the expected exchange (empty when exhausted).</param>
/// <param name="Expected">Recorded request bytes (empty when exhausted).</param>
/// <param name="Actual">Bytes received.</param>
/// <param name="Reason">Human-readable summary.</param>
public sealed record ReplayDivergence(long Sequence, string Line, string Device, ReadOnlyMemory<byte> Expected, ReadOnlyMemory<byte> Actual, string Reason)
{
    /// <summary>Expected bytes in hex.</summary>
    public string ExpectedHex => Convert.ToHexString(Expected.Span);

    /// <summary>Actual bytes in hex.</summary>
    public string ActualHex => Convert.ToHexString(Actual.Span);
}
