namespace CableTest.Domain.Standards;

/// <summary>The minimum an insulation-resistance result is compared with, and where it comes from.</summary>
/// <remarks>Minimum: In <paramref name="Unit"/>: MOhm.km for R_L and Ki, Ohm.cm for rho.</remarks>
/// <remarks>TableTemperatureC: The temperature the minimum is tabulated at.</remarks>
public sealed record InsulationResistanceMinimum(
    string CableTypeOrCompound,
    InsulationCriterion Criterion,
    decimal Minimum,
    string Unit,
    decimal TableTemperatureC,
    string Standard,
    string Edition,
    string EditionId,
    string Clause,
    Provenance Provenance,
    IReadOnlyList<string> Notes);
