using CableTest.Domain.Standards;

namespace CableTest.Domain.Verdicts;

/// <summary>GB/T 3048.4: Rt = R x 1000 / L, R20 = Rt x kt, compared with the IEC 60228 maximum.</summary>
public sealed record ConductorResistanceEvidence(
    ConductorSpec Conductor,
    decimal MeasuredResistanceOhm,
    decimal LengthM,
    decimal ConductorTemperatureC,
    KtMethod KtMethod,
    decimal? Kt,
    decimal? RtOhmPerKm,
    decimal? R20OhmPerKm,
    decimal? LimitOhmPerKm,
    decimal? AcceptanceLimitOhmPerKm) : TestEvidence;
