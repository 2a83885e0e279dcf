using CableTest.Domain.Standards;

namespace CableTest.Domain.Verdicts;

/// <summary>
/// GB/T 3048.8: voltage held within tolerance for the full duration with no breakdown. AppliedKv is
/// the lowest voltage observed during the dwell; LowerKv/UpperKv the required level -/+ the tolerance (2.425 and
/// 2.575 kV for 2.5 kV +/-3 %). Every number carries its unit in its name.
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
    BreakdownLocation BreakdownLocation) : TestEvidence
{
    /// <summary>
    /// The DC alternative's required voltage (kV) where the standard gives one for this rating (IEC 60502-1:
    /// 2.4 x the AC level, 8.4 kV for 0.6/1 kV), whichever kind was applied; null where it gives none.
    /// </summary>
    public decimal? DcAlternativeKv { get; init; }

    /// <summary>Test time at the breakdown (s): the tester's trip time, else the time held until it tripped. Null without breakdown.</summary>
    public decimal? BreakdownTimeS { get; init; }

    /// <summary>Voltage at the breakdown (kV): the tester's trip voltage, else the applied voltage. Null without breakdown.</summary>
    public decimal? BreakdownKv { get; init; }

    /// <summary>The dwell was interrupted (interlock, stop, power): <see cref="VoltageWithstandEvidence.HeldS"/> is the time held until then.</summary>
    public bool Interrupted { get; init; }
}
