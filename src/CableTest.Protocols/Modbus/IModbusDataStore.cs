namespace CableTest.Protocols.Modbus;

/// <summary>
/// The four Modbus tables of one unit, as a slave serves them. Each method returns null on success
/// or the exception code to answer (e.g. <see cref="ModbusExceptionCode.IllegalDataAddress"/> for an
/// address the device does not have). Implementations must be thread-safe: a slave loop and the
/// simulator's physics touch them concurrently.
/// </summary>
public interface IModbusDataStore
{
    /// <summary>Fills <paramref name="values"/> with coils from <paramref name="startAddress"/>.</summary>
    ModbusExceptionCode? ReadCoils(ushort startAddress, Span<bool> values);

    /// <summary>Fills <paramref name="values"/> with discrete inputs from <paramref name="startAddress"/>.</summary>
    ModbusExceptionCode? ReadDiscreteInputs(ushort startAddress, Span<bool> values);

    /// <summary>Fills <paramref name="values"/> with holding registers from <paramref name="startAddress"/>.</summary>
    ModbusExceptionCode? ReadHoldingRegisters(ushort startAddress, Span<ushort> values);

    /// <summary>Fills <paramref name="values"/> with input registers from <paramref name="startAddress"/>.</summary>
    ModbusExceptionCode? ReadInputRegisters(ushort startAddress, Span<ushort> values);

    /// <summary>Writes coils from <paramref name="startAddress"/>.</summary>
    ModbusExceptionCode? WriteCoils(ushort startAddress, ReadOnlySpan<bool> values);

    /// <summary>Writes holding registers from <paramref name="startAddress"/>.</summary>
    ModbusExceptionCode? WriteHoldingRegisters(ushort startAddress, ReadOnlySpan<ushort> values);
}
