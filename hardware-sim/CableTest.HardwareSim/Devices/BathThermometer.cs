using CableTest.HardwareSim.Physics;
using CableTest.Instruments.Profiles;

namespace CableTest.HardwareSim.Devices;

/// <summary>SIM-PT100-1, the water bath's PT100 transmitter (profile sim-bath): input registers only, 0.1 °C resolution, the water temperature and the controller's setpoint.</summary>
internal sealed class BathThermometer(BenchPhysics bench, ModbusProfile profile) : InputRegisterSensor(profile, unchecked((bench.Seed * 31) + 5))
{
    protected override void Encode(RegisterMap map, Span<ushort> block, Random random)
    {
        map.Encode(block, "temperature_c", Noise.Quantize(bench.Bath.WaterTemperatureC(bench.NowS) + (random.NextGaussian() * bench.Bath.Definition.NoiseC), 0.1));
        map.Encode(block, "setpoint_c", Noise.Quantize(bench.Bath.Definition.SetpointC, 0.1));
    }
}
