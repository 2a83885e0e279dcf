using CableTest.Domain.Standards;

namespace CableTest.Domain.Verdicts;

/// <summary>
/// GB/T 3048.8: voltage held within tolerance for the full duration with no breakdown. AppliedKv is
/// the lowest voltage observed during the dwell; LowerKv/UpperKv the required level -/+ the tolerance.
/// </summary>
public sealed record VoltageWithstandEvidence(
    string RatedVoltage,
    VoltageKind VoltageKind,
    decimal? RequiredKv,
    decimal? RequiredS,
    decimal AppliedKv,
    decimal? FrequencyHz,
    decimal HeldS,
    decimal? VoltageTolerancePct,
    decimal? LowerKv,
    decimal? UpperKv,
    bool Breakdown,
    BreakdownLocation BreakdownLocation) : TestEvidence;
