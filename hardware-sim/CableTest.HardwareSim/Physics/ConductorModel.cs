using CableTest.HardwareSim.Scenarios;

namespace CableTest.HardwareSim.Physics;

/// <summary>
/// DC resistance of each core: Rt = ρ20 · L / (A · (1 − deviation)) · stranding · core factor · (1 + α20 (t − 20)).
/// Core factors are drawn once from the seed, so a core measures the same every time.
/// </summary>
public sealed class ConductorModel
{
    private readonly double[] coreFactors;
    private readonly double resistance20Ohm;
    private readonly double alpha20PerK;

    public ConductorModel(SampleDefinition sample, int seed)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var areaMm2 = sample.CrossSectionMm2 * (1 - sample.DeviationFraction);
        resistance20Ohm = ConductorMaterialProperties.Resistivity20OhmMm2PerM(sample.Material) * sample.LengthM / areaMm2 * sample.StrandingFactor;
        alpha20PerK = ConductorMaterialProperties.Alpha20PerK(sample.Material);
        var random = new Random(unchecked((seed * 7919) + 17));
        coreFactors = new double[sample.Cores];
        for (var i = 0; i < coreFactors.Length; i++)
        {
            coreFactors[i] = 1 + (Math.Clamp(random.NextGaussian(), -3, 3) * sample.CoreSpreadFraction);
        }
    }

    /// <summary>Number of cores.</summary>
    public int Cores => coreFactors.Length;

    /// <summary>Resistance of core <paramref name="core"/> (1-based) at 20 °C.</summary>
    public double Resistance20Ohm(int core) => resistance20Ohm * coreFactors[CoreIndex(core)];

    /// <summary>Resistance of core <paramref name="core"/> (1-based) at conductor temperature <paramref name="conductorTemperatureC"/>.</summary>
    public double ResistanceOhm(int core, double conductorTemperatureC) =>
        Resistance20Ohm(core) * (1 + (alpha20PerK * (conductorTemperatureC - 20)));

    private int CoreIndex(int core) =>
        core >= 1 && core <= coreFactors.Length ? core - 1 : throw new ArgumentOutOfRangeException(nameof(core), core, $"the sample has cores 1..{coreFactors.Length}");
}
