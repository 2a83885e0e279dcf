namespace CableTest.Runs.Procedures.InsulationResistance;

/// <summary>The test voltage a reading is judged at: the nominal voltage set on the megohmmeter when the measured one is within tolerance of it, else the measured one.</summary>
public static class TestVoltageRule
{
    /// <summary>
    /// <paramref name="nominalV"/> when |<paramref name="measuredV"/> − nominal| ≤ <paramref name="tolerance"/> × nominal
    /// (e.g. 0.02 × 500 V), otherwise <paramref name="measuredV"/>.
    /// </summary>
    public static double JudgedVoltageV(double measuredV, double nominalV, double tolerance) =>
        Math.Abs(measuredV - nominalV) <= tolerance * nominalV ? nominalV : measuredV;
}
