using CableTest.Instruments.Drivers;

namespace CableTest.Instruments.Profiles;

/// <summary>What a profile must define for each role and protocol, checked at load.</summary>
internal static class RoleContract
{
    public static IReadOnlyList<string> ScpiCommands(InstrumentRole role) => role switch
    {
        InstrumentRole.ConductorResistanceMeter => ["identify", "configure", "measure"],
        InstrumentRole.InsulationTester => ["identify", "configure", "start", "read", "stop", "discharged"],
        InstrumentRole.WithstandTester => ["identify", "configure", "start", "status", "stop"],
        _ => ["identify", "read"],
    };

    /// <summary>
    /// Fields a profile must map. Optional ones the driver derives when the instrument does not report them:
    /// insulation elapsed_s (CableTest's clock from the start command), withstand interlock (closed unless the
    /// status word means an interlock stop) and output (on while the status word means a running test); withstand
    /// phase (ramp or dwell while running) is optional and, when absent, a running test counts as in its dwell.
    /// </summary>
    public static IReadOnlyList<string> ScpiFields(InstrumentRole role) => role switch
    {
        InstrumentRole.InsulationTester => ["resistance_ohm", "voltage_v"],
        InstrumentRole.WithstandTester => ["outcome", "voltage_v", "leakage_ma", "elapsed_s"],
        InstrumentRole.AmbientSensor => ["temperature_c", "humidity_rh"],
        InstrumentRole.BathThermometer => ["temperature_c"],
        _ => [],
    };

    /// <summary>What a SCPI withstand tester's status and phase words may mean (the values of scpi.codes).</summary>
    public static IReadOnlyList<string> WithstandMeanings { get; } =
        ["running", "idle", "pass", "high", "low", "arc", "breakdown", "interlock", "aborted", "ramp_up", "dwell", "ramp_down"];

    public static IReadOnlyList<string> ModbusPoints(InstrumentRole role) => role switch
    {
        InstrumentRole.WithstandTester =>
        [
            "mode", "frequency_hz", "voltage_v", "ramp_up_s", "dwell_s", "ramp_down_s", "leakage_limit_ma", "arc_detection", "command",
            "state", "outcome", "output_voltage_v", "leakage_ma", "elapsed_s", "failure_voltage_v", "failure_time_s", "interlock_closed", "output_on",
        ],
        InstrumentRole.AmbientSensor => ["temperature_c", "humidity_rh"],
        InstrumentRole.BathThermometer => ["temperature_c"],
        _ => [],
    };

    public static IReadOnlyList<string> ModbusCodes(InstrumentRole role) => role switch
    {
        InstrumentRole.WithstandTester =>
        [
            "mode_ac", "mode_dc", "command_start", "command_stop",
            "state_idle", "state_ramp_up", "state_dwell", "state_ramp_down", "state_complete", "state_stopped",
            "outcome_none", "outcome_pass", "outcome_high", "outcome_low", "outcome_arc", "outcome_breakdown", "outcome_interlock", "outcome_aborted",
        ],
        _ => [],
    };
}
