using CableTest.Protocols.Modbus;

namespace CableTest.Instruments.Modbus;

public abstract partial class ModbusMaster
{
    public async ValueTask<ushort[]> ReadHoldingRegistersAsync(byte slaveAddress, ushort startAddress, ushort numberOfPoints,
        CancellationToken cancellationToken = default)
    {
        var result = new ushort[numberOfPoints];
        await ReadHoldingRegistersAsync(slaveAddress, startAddress, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public ValueTask ReadHoldingRegistersAsync(byte slaveAddress, ushort startAddress, Memory<ushort> destination,
        CancellationToken cancellationToken = default) =>
        ExecuteAsync(RequireUnit(slaveAddress), new ReadRegistersOperation(ModbusFunctionCode.ReadHoldingRegisters, startAddress, destination), cancellationToken);

    public async ValueTask<ushort[]> ReadInputRegistersAsync(byte slaveAddress, ushort startAddress, ushort numberOfPoints,
        CancellationToken cancellationToken = default)
    {
        var result = new ushort[numberOfPoints];
        await ReadInputRegistersAsync(slaveAddress, startAddress, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public ValueTask ReadInputRegistersAsync(byte slaveAddress, ushort startAddress, Memory<ushort> destination,
        CancellationToken cancellationToken = default) =>
        ExecuteAsync(RequireUnit(slaveAddress), new ReadRegistersOperation(ModbusFunctionCode.ReadInputRegisters, startAddress, destination), cancellationToken);

    public async ValueTask<bool[]> ReadCoilsAsync(byte slaveAddress, ushort startAddress, ushort numberOfPoints,
        CancellationToken cancellationToken = default)
    {
        var result = new bool[numberOfPoints];
        await ReadCoilsAsync(slaveAddress, startAddress, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public ValueTask ReadCoilsAsync(byte slaveAddress, ushort startAddress, Memory<bool> destination, CancellationToken cancellationToken = default) =>
        ExecuteAsync(RequireUnit(slaveAddress), new ReadBitsOperation(ModbusFunctionCode.ReadCoils, startAddress, destination), cancellationToken);

    public async ValueTask<bool[]> ReadInputsAsync(byte slaveAddress, ushort startAddress, ushort numberOfPoints,
        CancellationToken cancellationToken = default)
    {
        var result = new bool[numberOfPoints];
        await ReadInputsAsync(slaveAddress, startAddress, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public ValueTask ReadInputsAsync(byte slaveAddress, ushort startAddress, Memory<bool> destination, CancellationToken cancellationToken = default) =>
        ExecuteAsync(RequireUnit(slaveAddress), new ReadBitsOperation(ModbusFunctionCode.ReadDiscreteInputs, startAddress, destination), cancellationToken);

    public ValueTask WriteSingleCoilAsync(byte slaveAddress, ushort coilAddress, bool value, CancellationToken cancellationToken = default) =>
        ExecuteAsync(slaveAddress, new WriteSingleCoilOperation(coilAddress, value), cancellationToken);

    public ValueTask WriteSingleRegisterAsync(byte slaveAddress, ushort registerAddress, ushort value, CancellationToken cancellationToken = default) =>
        ExecuteAsync(slaveAddress, new WriteSingleRegisterOperation(registerAddress, value), cancellationToken);

    public ValueTask WriteMultipleCoilsAsync(byte slaveAddress, ushort startAddress, ReadOnlyMemory<bool> data, CancellationToken cancellationToken = default) =>
        ExecuteAsync(slaveAddress, new WriteCoilsOperation(startAddress, data), cancellationToken);

    public ValueTask WriteMultipleRegistersAsync(byte slaveAddress, ushort startAddress, ReadOnlyMemory<ushort> data,
        CancellationToken cancellationToken = default) =>
        ExecuteAsync(slaveAddress, new WriteRegistersOperation(startAddress, data), cancellationToken);

    public async ValueTask<ushort[]> ReadWriteMultipleRegistersAsync(byte slaveAddress, ushort startReadAddress, ushort numberOfPointsToRead,
        ushort startWriteAddress, ReadOnlyMemory<ushort> writeData, CancellationToken cancellationToken = default)
    {
        var result = new ushort[numberOfPointsToRead];
        await ReadWriteMultipleRegistersAsync(slaveAddress, startReadAddress, result, startWriteAddress, writeData, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public ValueTask ReadWriteMultipleRegistersAsync(byte slaveAddress, ushort startReadAddress, Memory<ushort> destination,
        ushort startWriteAddress, ReadOnlyMemory<ushort> writeData, CancellationToken cancellationToken = default) =>
        ExecuteAsync(RequireUnit(slaveAddress), new ReadWriteRegistersOperation(startReadAddress, destination, startWriteAddress, writeData), cancellationToken);

    private static byte RequireUnit(byte slaveAddress) => slaveAddress == ModbusLimits.BroadcastAddress
        ? throw new ArgumentOutOfRangeException(nameof(slaveAddress), slaveAddress, "unit 0 is broadcast: only writes can be broadcast (no reply comes back)")
        : slaveAddress;
}
