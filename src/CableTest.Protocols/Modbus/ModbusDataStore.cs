namespace CableTest.Protocols.Modbus;

/// <summary>
/// An in-memory unit: 65,536 of each table, all zero, every address valid (restrict with
/// <see cref="Size"/>). Thread-safe through one lock; the simulator sets inputs with the
/// <c>Set*</c> methods while a slave loop serves reads.
/// </summary>
public sealed class ModbusDataStore : IModbusDataStore
{
    private readonly Lock gate = new();
    private readonly bool[] coils;
    private readonly bool[] discreteInputs;
    private readonly ushort[] holdingRegisters;
    private readonly ushort[] inputRegisters;

    /// <summary>A store with <paramref name="size"/> items per table (addresses 0..size-1).</summary>
    public ModbusDataStore(int size = 65536)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 65536);
        Size = size;
        coils = new bool[size];
        discreteInputs = new bool[size];
        holdingRegisters = new ushort[size];
        inputRegisters = new ushort[size];
    }

    /// <summary>Items per table; addresses at or above it answer <see cref="ModbusExceptionCode.IllegalDataAddress"/>.</summary>
    public int Size { get; }

    public ModbusExceptionCode? ReadCoils(ushort startAddress, Span<bool> values) => Read(coils, startAddress, values);

    public ModbusExceptionCode? ReadDiscreteInputs(ushort startAddress, Span<bool> values) => Read(discreteInputs, startAddress, values);

    public ModbusExceptionCode? ReadHoldingRegisters(ushort startAddress, Span<ushort> values) => Read(holdingRegisters, startAddress, values);

    public ModbusExceptionCode? ReadInputRegisters(ushort startAddress, Span<ushort> values) => Read(inputRegisters, startAddress, values);

    public ModbusExceptionCode? WriteCoils(ushort startAddress, ReadOnlySpan<bool> values) => Write(coils, startAddress, values);

    public ModbusExceptionCode? WriteHoldingRegisters(ushort startAddress, ReadOnlySpan<ushort> values) => Write(holdingRegisters, startAddress, values);

    /// <summary>Sets discrete inputs (read-only to masters).</summary>
    public void SetDiscreteInputs(ushort startAddress, ReadOnlySpan<bool> values) => Set(discreteInputs, startAddress, values);

    /// <summary>Sets input registers (read-only to masters).</summary>
    public void SetInputRegisters(ushort startAddress, ReadOnlySpan<ushort> values) => Set(inputRegisters, startAddress, values);

    /// <summary>Sets holding registers.</summary>
    public void SetHoldingRegisters(ushort startAddress, ReadOnlySpan<ushort> values) => Set(holdingRegisters, startAddress, values);

    /// <summary>Sets coils.</summary>
    public void SetCoils(ushort startAddress, ReadOnlySpan<bool> values) => Set(coils, startAddress, values);

    /// <summary>One holding register.</summary>
    public ushort GetHoldingRegister(ushort address)
    {
        lock (gate)
        {
            return holdingRegisters[address];
        }
    }

    /// <summary>One coil.</summary>
    public bool GetCoil(ushort address)
    {
        lock (gate)
        {
            return coils[address];
        }
    }

    private ModbusExceptionCode? Read<T>(T[] table, ushort start, Span<T> values)
    {
        if (start + values.Length > Size)
        {
            return ModbusExceptionCode.IllegalDataAddress;
        }

        lock (gate)
        {
            table.AsSpan(start, values.Length).CopyTo(values);
        }

        return null;
    }

    private ModbusExceptionCode? Write<T>(T[] table, ushort start, ReadOnlySpan<T> values)
    {
        if (start + values.Length > Size)
        {
            return ModbusExceptionCode.IllegalDataAddress;
        }

        lock (gate)
        {
            values.CopyTo(table.AsSpan(start));
        }

        return null;
    }

    private void Set<T>(T[] table, ushort start, ReadOnlySpan<T> values)
    {
        if (start + values.Length > Size)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, $"{values.Length} items from {start} run past the store's {Size}");
        }

        lock (gate)
        {
            values.CopyTo(table.AsSpan(start));
        }
    }
}
