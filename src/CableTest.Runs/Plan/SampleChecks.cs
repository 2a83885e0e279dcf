using System.Globalization;

namespace CableTest.Runs.Plan;

/// <summary>The sample's numbers, checked the same way at RegisterSample and at StartRun.</summary>
public static class SampleChecks
{
    /// <summary>Largest cross-section, length and diameter taken as physical (anything above is a typing slip).</summary>
    public const double MaxCrossSectionMm2 = 10_000;

    public const double MaxLengthM = 100_000;

    public const double MaxDiameterMm = 1_000;

    /// <summary>
    /// Cross-section and length finite and positive; d and D, when given, finite and positive with d &lt; D.
    /// One violation per problem, naming the API field and what would fix it.
    /// </summary>
    public static IReadOnlyList<PlanViolation> Geometry(double crossSectionMm2, double lengthM, double? conductorDiameterMm, double? insulationOuterDiameterMm)
    {
        var violations = new List<PlanViolation>();
        Positive(violations, "cross_section_mm2", "the nominal cross-section", crossSectionMm2, MaxCrossSectionMm2, "mm²");
        Positive(violations, "length_m", "the specimen length", lengthM, MaxLengthM, "m");
        var dOk = conductorDiameterMm is not { } d || Positive(violations, "conductor_diameter_mm", "d, the diameter under the insulation", d, MaxDiameterMm, "mm");
        var bigDOk = insulationOuterDiameterMm is not { } bigD || Positive(violations, "insulation_outer_diameter_mm", "D, the diameter over the insulation", bigD, MaxDiameterMm, "mm");
        if (dOk && bigDOk && conductorDiameterMm is { } inner && insulationOuterDiameterMm is { } outer && inner >= outer)
        {
            violations.Add(new PlanViolation("insulation_outer_diameter_mm", Invariant(
                $"D ({outer} mm) must exceed d ({inner} mm): D is over the insulation, d under it; measure both again or swap them")));
        }

        return violations;
    }

    private static bool Positive(List<PlanViolation> violations, string field, string what, double value, double max, string unit)
    {
        if (double.IsFinite(value) && value > 0 && value <= max)
        {
            return true;
        }

        var got = double.IsNaN(value) ? "NaN" : double.IsInfinity(value) ? "infinite" : Invariant($"{value} {unit}");
        violations.Add(new PlanViolation(field, Invariant($"{what} must be a positive number up to {max} {unit} (got {got}); give the measured value")));
        return false;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
