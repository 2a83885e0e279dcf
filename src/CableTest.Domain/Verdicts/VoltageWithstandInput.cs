using CableTest.Domain.Standards;
using CableTest.Domain.Uncertainty;

namespace CableTest.Domain.Verdicts;

/// <summary>A voltage-withstand result to judge (GB/T 3048.8).</summary>
/// <param name="RatedVoltage">U0/U, e.g. "450/750 V", "0.6/1 kV": selects the required level.</param>
/// <param name="Kind">AC or DC.</param>
/// <param name="AppliedKv">Lowest voltage observed during the dwell.</param>
/// <param name="HeldS">Time held at voltage (within tolerance).</param>
/// <param name="Breakdown">The tester tripped (leakage over limit, arc, flashover).</param>
public sealed record VoltageWithstandInput(string RatedVoltage, VoltageKind Kind, decimal AppliedKv, decimal HeldS, bool Breakdown)
{
    /// <summary>Test frequency (AC); required for AC.</summary>
    public decimal? FrequencyHz { get; init; }

    public BreakdownLocation BreakdownLocation { get; init; } = BreakdownLocation.Unknown;

    /// <summary>The level the caller expected; checked against the catalogue's (a mismatch is a warning, the catalogue's applies).</summary>
    public decimal? RequiredKv { get; init; }

    /// <summary>The duration the caller expected; checked against the catalogue's like <see cref="RequiredKv"/>.</summary>
    public decimal? RequiredS { get; init; }

    /// <summary>Tolerance of the held voltage in percent; null: the catalogue's (+/-3 % above 60 s, +/-1 % up to 60 s).</summary>
    public decimal? VoltageTolerancePct { get; init; }

    /// <summary>Family of the cable standard: "IEC 60227", "IEC 60502-1", "IEC 60502-2"; null: the one listing the rating.</summary>
    public string? StandardFamily { get; init; }

    /// <summary>The dwell was interrupted (power loss, door opened, operator stop): invalid.</summary>
    public bool Interrupted { get; init; }

    /// <summary>The method named in the verdict; null: GB/T 3048.8.</summary>
    public string? MethodName { get; init; }

    /// <summary>
    /// Test time at the trip as the tester reports it (s), when it broke down; null: <see cref="HeldS"/>, the
    /// time held before the trip. Reported as <see cref="VoltageWithstandEvidence.BreakdownTimeS"/>.
    /// </summary>
    public decimal? BreakdownTimeS { get; init; }

    /// <summary>Voltage at the trip as the tester reports it (kV); null: <see cref="AppliedKv"/>.</summary>
    public decimal? BreakdownKv { get; init; }

    /// <summary>The tester's voltmeter accuracy and range: with it the verdict carries the budget of the applied voltage. Null: no budget.</summary>
    public WithstandUncertaintyInputs? Uncertainty { get; init; }
}
