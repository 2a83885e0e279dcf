namespace CableTest.Instruments.Modbus;

/// <summary>
/// Fast failure: the unit timed out repeatedly and is being backed off, so the request was not sent
/// (the line stays free for the units that answer). <see cref="RetryAfter"/> says when the master
/// will try the unit again. Transient.
/// </summary>
public sealed class ModbusDeviceUnavailableException : Exception
{
    public ModbusDeviceUnavailableException(string line, byte slaveAddress, TimeSpan retryAfter, int consecutiveTimeouts)
        : base($"{line}: unit {slaveAddress} is unavailable after {consecutiveTimeouts} consecutive timeouts; next attempt in {retryAfter.TotalMilliseconds:0} ms")
    {
        Line = line;
        SlaveAddress = slaveAddress;
        RetryAfter = retryAfter;
        ConsecutiveTimeouts = consecutiveTimeouts;
    }

    public ModbusDeviceUnavailableException()
    {
    }

    public ModbusDeviceUnavailableException(string message)
        : base(message)
    {
    }

    public ModbusDeviceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string Line { get; } = "";

    public byte SlaveAddress { get; }

    /// <summary>Time until the unit is tried again.</summary>
    public TimeSpan RetryAfter { get; }

    public int ConsecutiveTimeouts { get; }

    /// <summary>Always true: the unit is tried again after <see cref="RetryAfter"/>.</summary>
    public bool IsTransient => true;
}
