namespace CableTest.Domain.Risk;

/// <summary>
/// The risk picture of one product spec or one manufacturer: samples (each counted once, by its latest
/// verdict), decided samples and failures, the failure rate with its Wilson 95 % interval, the margin
/// distributions, the monthly trend and the warnings that fired.
/// </summary>
public sealed record RiskGroup(
    RiskGroupKind Kind,
    string Key,
    int SampleCount,
    int DecidedCount,
    int FailureCount,
    double? FailureRate,
    WilsonInterval FailureRateInterval,
    MarginDistribution ConductorR20Ratio,
    MarginDistribution InsulationRatio,
    IReadOnlyList<RiskTrendPoint> Trend,
    IReadOnlyList<RiskWarning> Warnings);
