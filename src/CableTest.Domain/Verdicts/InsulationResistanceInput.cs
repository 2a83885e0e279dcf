using CableTest.Domain.Standards;
using CableTest.Domain.Uncertainty;

namespace CableTest.Domain.Verdicts;

/// <summary>An insulation-resistance reading to judge (GB/T 3048.5).</summary>
/// <param name="CableType">IEC 60227 cable type ("60227 IEC 01") or IEC 60502-1 compound ("XLPE", "PVC/A"...) whose minimum applies.</param>
/// <param name="Criterion">R_L (IEC 60227 tables), Ki or rho (IEC 60502-1).</param>
/// <param name="MeasuredResistanceMohm">Reading R in MOhm.</param>
/// <param name="LengthM">Immersed length L.</param>
/// <param name="TestTemperatureC">Water-bath / test temperature.</param>
/// <param name="TestVoltageVDc">DC test voltage (80-500 V).</param>
/// <param name="ElectrificationS">Time of electrification when read (60-300 s).</param>
/// <param name="ConductorDiameterMm">d, the diameter under the insulation.</param>
/// <param name="InsulationOuterDiameterMm">D, the diameter over the insulation.</param>
public sealed record InsulationResistanceInput(
    string CableType,
    InsulationCriterion Criterion,
    decimal MeasuredResistanceMohm,
    decimal LengthM,
    decimal TestTemperatureC,
    decimal TestVoltageVDc,
    decimal ElectrificationS,
    decimal ConductorDiameterMm,
    decimal InsulationOuterDiameterMm)
{
    /// <summary>IEC 60228 class of the conductor (IEC 60227 tables differ for class 1 and 2).</summary>
    public int? ConductorClass { get; init; }

    /// <summary>Nominal cross-section (IEC 60227 tables are per cross-section).</summary>
    public decimal? CrossSectionMm2 { get; init; }

    /// <summary>The method named in the verdict; null: GB/T 3048.5.</summary>
    public string? MethodName { get; init; }

    /// <summary>
    /// False when the sample was registered without d and D: an R_L criterion is judged as usual and
    /// Ki and rho are reported as not computed (a Ki or rho criterion still needs them). Default true.
    /// </summary>
    public bool DiametersKnown { get; init; } = true;

    /// <summary>
    /// The meter's accuracy (direct, or V-source and ammeter), the length and diameter tolerances: with them the verdict
    /// carries the budgets of the compared quantity and of R, and a rule may take U from them. Null: no budget.
    /// </summary>
    public InsulationUncertaintyInputs? Uncertainty { get; init; }
}
