namespace CableTest.Domain.Risk;

/// <summary>One period of a group's trend (a UTC calendar month, "2026-11"): samples, failures and the median margins.</summary>
public sealed record RiskTrendPoint(string Period, int SampleCount, int FailureCount, double? ConductorR20RatioMedian, double? InsulationRatioMedian);
