namespace CableTest.Domain.Instruments;

/// <summary>Wire names of <see cref="InstrumentProtocol"/>: "scpi", "modbus-rtu", "modbus-tcp" (profiles, recordings, bench status).</summary>
public static class InstrumentProtocols
{
    public const string Scpi = "scpi";
    public const string ModbusRtu = "modbus-rtu";
    public const string ModbusTcp = "modbus-tcp";

    /// <summary>"scpi, modbus-rtu or modbus-tcp", for messages.</summary>
    public const string Choices = "scpi, modbus-rtu or modbus-tcp";

    public static string Name(InstrumentProtocol protocol) => protocol switch
    {
        InstrumentProtocol.Scpi => Scpi,
        InstrumentProtocol.ModbusRtu => ModbusRtu,
        InstrumentProtocol.ModbusTcp => ModbusTcp,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol)),
    };

    /// <summary>Parses a wire name (exact).</summary>
    public static bool TryParse(string? name, out InstrumentProtocol protocol)
    {
        switch (name)
        {
            case Scpi:
                protocol = InstrumentProtocol.Scpi;
                return true;
            case ModbusRtu:
                protocol = InstrumentProtocol.ModbusRtu;
                return true;
            case ModbusTcp:
                protocol = InstrumentProtocol.ModbusTcp;
                return true;
            default:
                protocol = default;
                return false;
        }
    }

    /// <summary>True for Modbus RTU and Modbus TCP.</summary>
    public static bool IsModbus(this InstrumentProtocol protocol) => protocol is InstrumentProtocol.ModbusRtu or InstrumentProtocol.ModbusTcp;
}
