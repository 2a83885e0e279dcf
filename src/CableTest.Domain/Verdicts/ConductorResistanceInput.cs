using CableTest.Domain.Standards;
using CableTest.Domain.Uncertainty;

namespace CableTest.Domain.Verdicts;

/// <summary>A conductor DC resistance reading to judge (GB/T 3048.4).</summary>
/// <param name="Conductor">Class, material, coating and nominal cross-section: selects the IEC 60228 limit.</param>
/// <param name="MeasuredResistanceOhm">Four-wire reading (forward/reverse average) between the potential terminals.</param>
/// <param name="LengthM">Length between the potential terminals.</param>
/// <param name="ConductorTemperatureC">Conductor temperature (ambient after settling).</param>
/// <param name="KtMethod">Temperature-correction method, part of the method and of the verdict.</param>
public sealed record ConductorResistanceInput(
    ConductorSpec Conductor,
    decimal MeasuredResistanceOhm,
    decimal LengthM,
    decimal ConductorTemperatureC,
    KtMethod KtMethod = KtMethod.Alpha20)
{
    /// <summary>IEC 60228 edition id (e.g. "IEC 60228:2004"); null for the catalogue's default.</summary>
    public string? Edition { get; init; }

    /// <summary>
    /// The method's ambient window to enforce (e.g. <see cref="TemperatureCorrection.AmbientWindowC"/>,
    /// [15, 25] degC). Null: not applied; the bench policy in the run orchestration decides.
    /// Outside the window the verdict is inconclusive (invalid_conditions), never a corrected pass.
    /// </summary>
    public TemperatureRange? AmbientWindowC { get; init; }

    /// <summary>The method named in the verdict; null: the catalogue's name of <see cref="KtMethod"/>.</summary>
    public string? MethodName { get; init; }

    /// <summary>
    /// The meter's accuracy and range, the thermometer's and the length tolerance: with them the verdict carries the
    /// uncertainty budgets of R20, R and t (GUM), and a rule may take U from them. Null: no budget.
    /// </summary>
    public ConductorUncertaintyInputs? Uncertainty { get; init; }
}
