namespace CableTest.HardwareSim.Physics;

/// <summary>
/// Conductor temperature following the ambient with a first-order lag. For an ambient a(t) = a0 + r·t the
/// closed form is T(t) = a(t) − r·τ + (T0 − a0 + r·τ)·e^(−t/τ), with t counted from when the sample was placed.
/// </summary>
public static class ThermalModel
{
    /// <summary>Conductor temperature <paramref name="sinceS"/> after placing a sample at <paramref name="initialC"/>.</summary>
    /// <param name="initialC">Conductor temperature when placed.</param>
    /// <param name="ambientAtPlacementC">Ambient when placed (a0).</param>
    /// <param name="driftCPerS">Ambient drift r.</param>
    /// <param name="timeConstantS">τ.</param>
    /// <param name="sinceS">Instrument time since placement.</param>
    public static double ConductorTemperatureC(double initialC, double ambientAtPlacementC, double driftCPerS, double timeConstantS, double sinceS)
    {
        var ambientNow = ambientAtPlacementC + (driftCPerS * sinceS);
        if (timeConstantS <= 0)
        {
            return ambientNow;
        }

        var lag = driftCPerS * timeConstantS;
        return ambientNow - lag + ((initialC - ambientAtPlacementC + lag) * Math.Exp(-sinceS / timeConstantS));
    }
}
