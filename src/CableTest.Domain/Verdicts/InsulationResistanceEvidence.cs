using CableTest.Domain.Standards;

namespace CableTest.Domain.Verdicts;

/// <summary>GB/T 3048.5: R_L = R L, Ki = R L / lg(D/d), rho = 2 pi L R / ln(D/d), compared with the minimum.</summary>
public sealed record InsulationResistanceEvidence(
    string CableType,
    InsulationCriterion Criterion,
    decimal MeasuredResistanceMohm,
    decimal LengthM,
    decimal TestTemperatureC,
    decimal TestVoltageVDc,
    decimal ElectrificationS,
    decimal ConductorDiameterMm,
    decimal InsulationOuterDiameterMm,
    decimal? RLMohmKm,
    decimal? KiMohmKm,
    decimal? RhoOhmCm,
    decimal? Minimum,
    string MinimumUnit,
    decimal? AcceptanceLimit) : TestEvidence
{
    /// <summary>The value compared with the minimum (R_L, Ki or rho).</summary>
    public decimal? Compared => Criterion switch
    {
        InsulationCriterion.ResistanceLength => RLMohmKm,
        InsulationCriterion.Ki => KiMohmKm,
        _ => RhoOhmCm,
    };
}
