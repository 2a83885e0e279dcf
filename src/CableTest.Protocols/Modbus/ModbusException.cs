namespace CableTest.Protocols.Modbus;

/// <summary>
/// A server answered with a Modbus exception reply. The device is reachable; it refused or failed
/// the request. <see cref="IsTransient"/> is true for <see cref="ModbusExceptionCode.Acknowledge"/>
/// and <see cref="ModbusExceptionCode.ServerDeviceBusy"/>: asking again later can succeed.
/// </summary>
public sealed class ModbusException : Exception
{
    public ModbusException(byte slaveAddress, ModbusFunctionCode functionCode, ModbusExceptionCode exceptionCode)
        : base($"unit {slaveAddress}: function {(byte)functionCode} ({functionCode}) answered exception {(byte)exceptionCode} ({Describe(exceptionCode)})")
    {
        SlaveAddress = slaveAddress;
        FunctionCode = functionCode;
        ExceptionCode = exceptionCode;
    }

    public ModbusException()
    {
    }

    public ModbusException(string message)
        : base(message)
    {
    }

    public ModbusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The unit that answered.</summary>
    public byte SlaveAddress { get; }

    /// <summary>The function code of the refused request.</summary>
    public ModbusFunctionCode FunctionCode { get; }

    /// <summary>The exception code from the reply.</summary>
    public ModbusExceptionCode ExceptionCode { get; }

    /// <summary>True when retrying later can succeed (acknowledge 5, busy 6).</summary>
    public bool IsTransient => ExceptionCode is ModbusExceptionCode.Acknowledge or ModbusExceptionCode.ServerDeviceBusy;

    /// <summary>A short English description of <paramref name="code"/>.</summary>
    public static string Describe(ModbusExceptionCode code) => code switch
    {
        ModbusExceptionCode.IllegalFunction => "illegal function",
        ModbusExceptionCode.IllegalDataAddress => "illegal data address",
        ModbusExceptionCode.IllegalDataValue => "illegal data value",
        ModbusExceptionCode.ServerDeviceFailure => "server device failure",
        ModbusExceptionCode.Acknowledge => "acknowledge",
        ModbusExceptionCode.ServerDeviceBusy => "server device busy",
        ModbusExceptionCode.NegativeAcknowledge => "negative acknowledge",
        ModbusExceptionCode.MemoryParityError => "memory parity error",
        ModbusExceptionCode.GatewayPathUnavailable => "gateway path unavailable",
        ModbusExceptionCode.GatewayTargetDeviceFailedToRespond => "gateway target device failed to respond",
        _ => "unassigned code",
    };
}
