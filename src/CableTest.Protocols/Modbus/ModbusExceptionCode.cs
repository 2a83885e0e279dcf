namespace CableTest.Protocols.Modbus;

/// <summary>
/// Exception codes a Modbus server answers with (function code | 0x80, then this byte). Code 9 is
/// not assigned by the specification; a reply carrying it still becomes a <see cref="ModbusException"/>.
/// </summary>
public enum ModbusExceptionCode : byte
{
    /// <summary>The function code is not supported by the server.</summary>
    IllegalFunction = 1,

    /// <summary>The address range is not valid in the server.</summary>
    IllegalDataAddress = 2,

    /// <summary>A value in the request is not allowed (count out of range, bad coil value).</summary>
    IllegalDataValue = 3,

    /// <summary>The server failed while performing the action.</summary>
    ServerDeviceFailure = 4,

    /// <summary>Accepted, still working (long programming commands): ask again later. Transient.</summary>
    Acknowledge = 5,

    /// <summary>The server is busy with a long command: retry later. Transient.</summary>
    ServerDeviceBusy = 6,

    /// <summary>The server cannot perform the program function.</summary>
    NegativeAcknowledge = 7,

    /// <summary>Parity error in the server's extended memory (file records).</summary>
    MemoryParityError = 8,

    /// <summary>A gateway has no path to the target.</summary>
    GatewayPathUnavailable = 10,

    /// <summary>A gateway got no response from the target device.</summary>
    GatewayTargetDeviceFailedToRespond = 11,
}
