namespace CableTest.Protocols.Modbus;

/// <summary>The Modbus function codes this stack speaks (Modbus Application Protocol v1.1b3, §6).</summary>
public enum ModbusFunctionCode : byte
{
    /// <summary>Read Coils (0x01).</summary>
    ReadCoils = 1,

    /// <summary>Read Discrete Inputs (0x02).</summary>
    ReadDiscreteInputs = 2,

    /// <summary>Read Holding Registers (0x03).</summary>
    ReadHoldingRegisters = 3,

    /// <summary>Read Input Registers (0x04).</summary>
    ReadInputRegisters = 4,

    /// <summary>Write Single Coil (0x05).</summary>
    WriteSingleCoil = 5,

    /// <summary>Write Single Register (0x06).</summary>
    WriteSingleRegister = 6,

    /// <summary>Write Multiple Coils (0x0F).</summary>
    WriteMultipleCoils = 15,

    /// <summary>Write Multiple Registers (0x10).</summary>
    WriteMultipleRegisters = 16,

    /// <summary>Read/Write Multiple Registers (0x17).</summary>
    ReadWriteMultipleRegisters = 23,
}
