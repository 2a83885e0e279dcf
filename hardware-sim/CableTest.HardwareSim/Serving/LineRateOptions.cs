namespace CableTest.HardwareSim.Serving;

/// <summary>
/// Line-rate emulation on a serial endpoint: bytes are delivered and sent no faster than the endpoint's baud rate
/// and character format allow (start + data + parity + stop bits per character), and every reply starts
/// <see cref="ReplyDelay"/> after the request (the device's turnaround).
/// </summary>
public sealed record LineRateOptions
{
    /// <summary>Turnaround before each reply.</summary>
    public TimeSpan ReplyDelay { get; init; }
}
