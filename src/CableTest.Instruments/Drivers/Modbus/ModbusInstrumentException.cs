using CableTest.Instruments.Modbus;
using CableTest.Protocols.Modbus;
using CableTest.Transports;

namespace CableTest.Instruments.Drivers.Modbus;

/// <summary>A Modbus exchange failed; <see cref="Exception.InnerException"/> has the typed cause.</summary>
public sealed class ModbusInstrumentException : InstrumentException
{
    /// <summary>Creates the exception.</summary>
    public ModbusInstrumentException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ModbusInstrumentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ModbusInstrumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => InnerException switch
    {
        TimeoutException or ModbusFrameException or ModbusDeviceUnavailableException => true,
        TransportException t => t.IsTransient,
        ModbusException m => m.ExceptionCode is ModbusExceptionCode.ServerDeviceBusy or ModbusExceptionCode.Acknowledge,
        _ => false,
    };
}
