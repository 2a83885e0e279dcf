namespace CableTest.Domain.Standards;

/// <summary>
/// The method constants of a run (GB/T 3048.4 / .5 / .8 and the lab's own practice), loaded from the
/// "test_method" data file with their sources: ambient check, withstand tolerance and frequency,
/// insulation test voltage and electrification, conductor-resistance range headroom.
/// </summary>
public sealed record TestMethodConstants(
    string Standard,
    string Edition,
    MethodConstant AmbientReadings,
    MethodConstant AmbientMaxSpreadK,
    MethodConstant AmbientMinC,
    MethodConstant AmbientMaxC,
    MethodConstant WithstandVoltageTolerancePct,
    MethodConstant AcFrequencyMinHz,
    MethodConstant AcFrequencyMaxHz,
    MethodConstant AcNominalFrequencyHz,
    MethodConstant InsulationTestVoltageV,
    MethodConstant ElectrificationS,
    MethodConstant ResistanceRangeHeadroom)
{
    /// <summary>Every constant by its data-file field name, e.g. "ambient_readings".</summary>
    public IReadOnlyList<KeyValuePair<string, MethodConstant>> All() =>
    [
        new("ambient_readings", AmbientReadings),
        new("ambient_max_spread_k", AmbientMaxSpreadK),
        new("ambient_min_c", AmbientMinC),
        new("ambient_max_c", AmbientMaxC),
        new("withstand_voltage_tolerance_pct", WithstandVoltageTolerancePct),
        new("ac_frequency_min_hz", AcFrequencyMinHz),
        new("ac_frequency_max_hz", AcFrequencyMaxHz),
        new("ac_nominal_frequency_hz", AcNominalFrequencyHz),
        new("insulation_test_voltage_v", InsulationTestVoltageV),
        new("electrification_s", ElectrificationS),
        new("resistance_range_headroom", ResistanceRangeHeadroom),
    ];
}
