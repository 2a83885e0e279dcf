using CableTest.HardwareSim.Scenarios;

namespace CableTest.HardwareSim.Physics;

/// <summary>
/// Insulation resistance: the 1-min value R = Ki · lg(D/d) / L_km (MΩ) at 20 °C, halving every
/// <see cref="SampleDefinition.HalvingK"/> kelvin above it, times a polarisation curve
/// (1 − p·e^(−t/τ)) / (1 − p·e^(−60/τ)) that rises with electrification time through 1 at 60 s.
/// </summary>
public sealed class InsulationModel(SampleDefinition sample)
{
    private readonly SampleDefinition sample = sample ?? throw new ArgumentNullException(nameof(sample));

    /// <summary>The 1-minute insulation resistance at <paramref name="temperatureC"/>, MΩ.</summary>
    public double OneMinuteMOhm(double temperatureC)
    {
        var lengthKm = sample.LengthM / 1000;
        var r20 = sample.KiMOhmKm * sample.WetFactor * Math.Log10(sample.OuterDiameterMm / sample.InnerDiameterMm) / lengthKm;
        return r20 * Math.Pow(2, -(temperatureC - 20) / sample.HalvingK);
    }

    /// <summary>Insulation resistance after <paramref name="electrificationS"/> under voltage, MΩ.</summary>
    public double ResistanceMOhm(double electrificationS, double temperatureC) =>
        OneMinuteMOhm(temperatureC) * PolarisationFactor(Math.Max(0, electrificationS));

    /// <summary>Capacitance of one core to the rest, farad.</summary>
    public double CapacitanceF => sample.CapacitanceUfPerKm * 1e-6 * sample.LengthM / 1000;

    private double PolarisationFactor(double t)
    {
        var tau = Math.Max(sample.PolarisationTauS, 1e-3);
        return (1 - (sample.Polarisation * Math.Exp(-t / tau))) / (1 - (sample.Polarisation * Math.Exp(-60 / tau)));
    }
}
