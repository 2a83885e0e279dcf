using CableTest.HardwareSim.Physics;
using CableTest.Instruments.Profiles;
using CableTest.Protocols.Modbus;

namespace CableTest.HardwareSim.Devices;

/// <summary>SIM-TH-1 temperature/humidity sensor (profile sim-ambient): input registers only, 0.1 resolution.</summary>
internal sealed class AmbientSensor(BenchPhysics bench, ModbusProfile profile) : IModbusDataStore
{
    private readonly RegisterMap map = new(profile);
    private readonly Random random = new(unchecked((bench.Seed * 31) + 4));
    private readonly Lock gate = new();

    public ModbusExceptionCode? ReadInputRegisters(ushort startAddress, Span<ushort> values)
    {
        if (RegisterMap.Check(startAddress, values.Length, map.InputCount) is { } bad)
        {
            return bad;
        }

        var now = bench.NowS;
        Span<ushort> block = stackalloc ushort[map.InputCount];
        lock (gate)
        {
            map.Encode(block, "temperature_c", Noise.Quantize(bench.Ambient.TemperatureC(now) + (random.NextGaussian() * bench.Devices.AmbientNoiseC), 0.1));
            map.Encode(block, "humidity_rh", Math.Clamp(Noise.Quantize(bench.Ambient.HumidityRh(now) + (random.NextGaussian() * 0.3), 0.1), 0, 100));
        }

        block.Slice(startAddress, values.Length).CopyTo(values);
        return null;
    }

    public ModbusExceptionCode? ReadHoldingRegisters(ushort startAddress, Span<ushort> values) => ModbusExceptionCode.IllegalDataAddress;

    public ModbusExceptionCode? ReadCoils(ushort startAddress, Span<bool> values) => ModbusExceptionCode.IllegalFunction;

    public ModbusExceptionCode? ReadDiscreteInputs(ushort startAddress, Span<bool> values) => ModbusExceptionCode.IllegalFunction;

    public ModbusExceptionCode? WriteCoils(ushort startAddress, ReadOnlySpan<bool> values) => ModbusExceptionCode.IllegalFunction;

    public ModbusExceptionCode? WriteHoldingRegisters(ushort startAddress, ReadOnlySpan<ushort> values) => ModbusExceptionCode.IllegalDataAddress;
}
