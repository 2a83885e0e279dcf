namespace CableTest.Instruments.Modbus;

/// <summary>A unit did not answer (at all, or not completely) before its deadline. Transient.</summary>
public sealed class ModbusTimeoutException : TimeoutException
{
    public ModbusTimeoutException(string line, byte slaveAddress, TimeSpan timeout)
        : base($"{line}: unit {slaveAddress} did not answer within {timeout.TotalMilliseconds:0.###} ms")
    {
        Line = line;
        SlaveAddress = slaveAddress;
        Timeout = timeout;
    }

    public ModbusTimeoutException()
    {
    }

    public ModbusTimeoutException(string message)
        : base(message)
    {
    }

    public ModbusTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The line the request went out on.</summary>
    public string Line { get; } = "";

    /// <summary>The silent unit.</summary>
    public byte SlaveAddress { get; }

    /// <summary>The deadline that passed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Always true: the unit may answer next time.</summary>
    public bool IsTransient => true;
}
