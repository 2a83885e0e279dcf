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

    public static IReadOnlyList<string> ScpiFields(InstrumentRole role) => role switch
    {
        InstrumentRole.InsulationTester => ["resistance_ohm", "voltage_v", "elapsed_s"],
        InstrumentRole.WithstandTester => ["state", "outcome", "voltage_v", "leakage_ma", "elapsed_s", "interlock", "output"],
        InstrumentRole.AmbientSensor => ["temperature_c", "humidity_rh"],
        _ => [],
    };

    public static IReadOnlyList<string> ModbusPoints(InstrumentRole role) => role switch
    {
        InstrumentRole.WithstandTester =>
        [
            "mode", "frequency_hz", "voltage_v", "ramp_up_s", "dwell_s", "ramp_down_s", "leakage_limit_ma", "arc_detection", "command",
            "state", "outcome", "output_voltage_v", "leakage_ma", "elapsed_s", "failure_voltage_v", "failure_time_s", "interlock_closed", "output_on",
        ],
        InstrumentRole.AmbientSensor => ["temperature_c", "humidity_rh"],
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
