using CableTest.HardwareSim.Physics;
using CableTest.Instruments.Profiles;

namespace CableTest.HardwareSim.Devices;

/// <summary>SIM-TH-1 temperature/humidity sensor (profile sim-ambient): input registers only, 0.1 resolution.</summary>
internal sealed class AmbientSensor(BenchPhysics bench, ModbusProfile profile) : InputRegisterSensor(profile, unchecked((bench.Seed * 31) + 4))
{
    protected override void Encode(RegisterMap map, Span<ushort> block, Random random)
    {
        var now = bench.NowS;
        map.Encode(block, "temperature_c", Noise.Quantize(bench.Ambient.TemperatureC(now) + (random.NextGaussian() * bench.Devices.AmbientNoiseC), 0.1));
        map.Encode(block, "humidity_rh", Math.Clamp(Noise.Quantize(bench.Ambient.HumidityRh(now) + (random.NextGaussian() * 0.3), 0.1), 0, 100));
    }
}
