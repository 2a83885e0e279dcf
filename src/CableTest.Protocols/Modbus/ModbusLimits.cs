namespace CableTest.Protocols.Modbus;

/// <summary>Quantity limits from the specification (a PDU is at most 253 bytes).</summary>
public static class ModbusLimits
{
    /// <summary>Registers per read (FC 3, 4, and the read half of FC 23).</summary>
    public const int MaxReadRegisters = 125;

    /// <summary>Registers per write (FC 16).</summary>
    public const int MaxWriteRegisters = 123;

    /// <summary>Registers written by FC 23.</summary>
    public const int MaxReadWriteWriteRegisters = 121;

    /// <summary>Coils or discrete inputs per read (FC 1, 2).</summary>
    public const int MaxReadBits = 2000;

    /// <summary>Coils per write (FC 15).</summary>
    public const int MaxWriteBits = 1968;

    /// <summary>Largest PDU (function code + data).</summary>
    public const int MaxPduLength = 253;

    /// <summary>Largest RTU frame: unit + PDU + CRC.</summary>
    public const int MaxRtuFrameLength = 256;

    /// <summary>Largest TCP frame: 7-byte MBAP header (incl. unit) + PDU.</summary>
    public const int MaxTcpFrameLength = 260;

    /// <summary>The broadcast unit address: every slave acts, none answers.</summary>
    public const byte BroadcastAddress = 0;
}
