namespace CableTest.Domain.Instruments;

/// <summary>How an instrument talks on its line. Wire names in <see cref="InstrumentProtocols"/>.</summary>
public enum InstrumentProtocol
{
    /// <summary>SCPI text commands over a serial line ("scpi").</summary>
    Scpi,

    /// <summary>Modbus RTU over a serial line or RS-485 bus ("modbus-rtu").</summary>
    ModbusRtu,

    /// <summary>Modbus TCP, MBAP framing ("modbus-tcp").</summary>
    ModbusTcp,
}
