using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Comparison;

/// <summary>
/// One result of an inspection: a test (kind and core), the quantity it compared with the limit and its value with the
/// expanded uncertainty, and the test's outcome. A voltage withstand has no quantity (<see cref="Quantity"/> empty,
/// <see cref="Value"/> null): only its verdict is compared.
/// </summary>
/// <param name="Quantity">Wire name with the unit in it: "r20_ohm_per_km", "r_l_mohm_km", "ki_mohm_km", "rho_ohm_cm"; "" for a withstand.</param>
/// <param name="Unit">Display unit: "Ω/km", "MΩ·km", "Ω·cm"; "" for a withstand.</param>
/// <param name="ExpandedUncertainty">U in <paramref name="Unit"/>, null when the result has none.</param>
/// <param name="CoverageFactor">k of U, null when not stated.</param>
/// <param name="Outcome">The test's outcome, null when the inspection states none.</param>
public sealed record InspectedQuantity(
    TestKind Test,
    string Core,
    string Quantity,
    string Unit,
    double? Value,
    double? ExpandedUncertainty,
    double? CoverageFactor,
    Outcome? Outcome)
{
    /// <summary>What pairs two inspections' results: "conductor_resistance core 1 r20_ohm_per_km".</summary>
    public string Key => Quantity.Length == 0 ? $"{Test.ToWireName()} core {Core}" : $"{Test.ToWireName()} core {Core} {Quantity}";
}
