using CableTest.Instruments.Profiles;
using CableTest.Protocols.Modbus;

namespace CableTest.HardwareSim.Devices;

/// <summary>
/// A simulated Modbus transmitter that only has input registers (profile map): each read encodes the whole block
/// afresh from the bench's physics with its own seeded noise and serves the slice asked for; everything else is refused
/// as a real transmitter does.
/// </summary>
internal abstract class InputRegisterSensor(ModbusProfile profile, int seed) : IModbusDataStore
{
    private readonly RegisterMap map = new(profile);
    private readonly Random random = new(seed);
    private readonly Lock gate = new();

    public ModbusExceptionCode? ReadInputRegisters(ushort startAddress, Span<ushort> values)
    {
        if (RegisterMap.Check(startAddress, values.Length, map.InputCount) is { } bad)
        {
            return bad;
        }

        Span<ushort> block = stackalloc ushort[map.InputCount];
        lock (gate)
        {
            Encode(map, block, random);
        }

        block.Slice(startAddress, values.Length).CopyTo(values);
        return null;
    }

    public ModbusExceptionCode? ReadHoldingRegisters(ushort startAddress, Span<ushort> values) => ModbusExceptionCode.IllegalDataAddress;

    public ModbusExceptionCode? ReadCoils(ushort startAddress, Span<bool> values) => ModbusExceptionCode.IllegalFunction;

    public ModbusExceptionCode? ReadDiscreteInputs(ushort startAddress, Span<bool> values) => ModbusExceptionCode.IllegalFunction;

    public ModbusExceptionCode? WriteCoils(ushort startAddress, ReadOnlySpan<bool> values) => ModbusExceptionCode.IllegalFunction;

    public ModbusExceptionCode? WriteHoldingRegisters(ushort startAddress, ReadOnlySpan<ushort> values) => ModbusExceptionCode.IllegalDataAddress;

    /// <summary>Writes the current values into <paramref name="block"/> (called under the sensor's lock).</summary>
    protected abstract void Encode(RegisterMap map, Span<ushort> block, Random random);
}
