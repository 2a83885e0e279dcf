namespace CableTest.Protocols.Modbus;

/// <summary>
/// Bytes on the line were not a valid answer: <see cref="Kind"/> says how. Communication is broken
/// (for this exchange); the device's own state is unknown. Always transient: a clean retry can work.
/// </summary>
public sealed class ModbusFrameException : Exception
{
    public ModbusFrameException(ModbusFrameErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public ModbusFrameException()
    {
    }

    public ModbusFrameException(string message)
        : base(message)
    {
    }

    public ModbusFrameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What was wrong.</summary>
    public ModbusFrameErrorKind Kind { get; }

    /// <summary>Frame errors come from noise, timing or a confused peer: retrying can succeed.</summary>
    public bool IsTransient => true;
}
