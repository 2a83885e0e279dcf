using CableTest.Domain.Standards;

namespace CableTest.HardwareSim.Physics;

/// <summary>Resistivity and temperature coefficient at 20 °C (IEC 60228 Annex B; DESIGN.md).</summary>
public static class ConductorMaterialProperties
{
    /// <summary>Ω·mm²/m at 20 °C: annealed copper 1/58, aluminium 0.028264.</summary>
    public static double Resistivity20OhmMm2PerM(ConductorMaterial material) => material == ConductorMaterial.Aluminium ? 0.028264 : 1.0 / 58.0;

    /// <summary>Temperature coefficient α20 per kelvin: copper 0.00393, aluminium 0.00403.</summary>
    public static double Alpha20PerK(ConductorMaterial material) => material == ConductorMaterial.Aluminium ? 0.00403 : 0.00393;
}
