using CableTest.Contracts.V1;
using static System.FormattableString;

namespace CableTest.Presentation;

/// <summary>The value a test's criterion compares and its limit, with units, as people read them.</summary>
public static class TestValues
{
    /// <summary>The compared value and the limit of one test, with units.</summary>
    public static (string Measured, string Limit) Of(TestVerdict test) => test.EvidenceCase switch
    {
        TestVerdict.EvidenceOneofCase.ConductorResistance => (
            Invariant($"R20 {N(test.ConductorResistance.R20OhmPerKm)} Ω/km"),
            Invariant($"≤ {N(test.ConductorResistance.LimitOhmPerKm)} Ω/km")),
        TestVerdict.EvidenceOneofCase.InsulationResistance => Insulation(test.InsulationResistance),
        TestVerdict.EvidenceOneofCase.VoltageWithstand => (
            Invariant($"{N(test.VoltageWithstand.AppliedKv)} kV {test.VoltageWithstand.VoltageKind} {N(test.VoltageWithstand.HeldS)} s") +
                (test.VoltageWithstand.Breakdown ? ", breakdown" : ", no breakdown"),
            Invariant($"{N(test.VoltageWithstand.RequiredKv)} kV {N(test.VoltageWithstand.RequiredS)} s")),
        _ => ("", ""),
    };

    /// <summary>The insulation value the criterion compares (R_L, Ki or rho) and its unit as the service spells it; NaN when not computed.</summary>
    public static (double Value, string Unit) InsulationValue(InsulationResistanceEvidence e) => (e.Criterion switch
    {
        "Ki" when e.HasKiMohmKm => e.KiMohmKm,
        "rho" when e.HasRhoOhmCm => e.RhoOhmCm,
        _ when e.HasRLMohmKm => e.RLMohmKm,
        _ => double.NaN,
    }, e.MinimumUnit);

    private static (string, string) Insulation(InsulationResistanceEvidence e)
    {
        var (value, unit) = InsulationValue(e);
        unit = UnitText.Normalize(unit);
        var measured = double.IsFinite(value) ? Invariant($"{e.Criterion} {N(value)} {unit}") : $"{e.Criterion} not computed";
        var limit = e.Minimum > 0 ? Invariant($"≥ {N(e.Minimum)} {unit}") : "-";
        return (measured, limit);
    }

    private static string N(double value) => EngineeringNumber.Format(value);
}
