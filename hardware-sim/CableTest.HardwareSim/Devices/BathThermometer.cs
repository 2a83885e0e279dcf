using CableTest.HardwareSim.Physics;
using CableTest.Instruments.Profiles;
using CableTest.Protocols.Modbus;

namespace CableTest.HardwareSim.Devices;

/// <summary>SIM-PT100-1, the water bath's PT100 transmitter (profile sim-bath): input registers only, 0.1 °C resolution, the water temperature and the controller's setpoint.</summary>
internal sealed class BathThermometer(BenchPhysics bench, ModbusProfile profile) : IModbusDataStore
{
    private readonly RegisterMap map = new(profile);
    private readonly Random random = new(unchecked((bench.Seed * 31) + 5));
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
            map.Encode(block, "temperature_c", Noise.Quantize(bench.Bath.WaterTemperatureC(now) + (random.NextGaussian() * bench.Bath.Definition.NoiseC), 0.1));
            map.Encode(block, "setpoint_c", Noise.Quantize(bench.Bath.Definition.SetpointC, 0.1));
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
