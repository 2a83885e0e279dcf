using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Risk;

/// <summary>
/// One verdict of a sampled (sealed) sample, as risk analysis needs it: the sample's product spec and
/// manufacturer, the sample outcome and the two margins to the limit. A sample verdict with several
/// conductor or insulation tests (one per core) carries the worst: the largest R20/limit and the
/// smallest R/minimum.
/// </summary>
/// <param name="ConductorR20Ratio">R20 / maximum at 20 °C (IEC 60228); above 1 fails. Null without a conductor test with a limit.</param>
/// <param name="InsulationRatio">Compared value (R_L, Ki or rho) / minimum; below 1 fails. Null without an insulation test with a minimum.</param>
public sealed record RiskObservation(
    string SampleId,
    string SpecId,
    string Manufacturer,
    DateTimeOffset EvaluatedAt,
    Outcome Outcome,
    double? ConductorR20Ratio,
    double? InsulationRatio)
{
    /// <summary>Fail and conditional fail are failures; other statements are passes; the rest decide nothing.</summary>
    public bool IsFailure => Outcome is Outcome.Fail or Outcome.ConditionalFail;

    /// <summary>True for a pass or fail statement (conditional or not).</summary>
    public bool IsDecided => Outcome.IsStatement();
}
