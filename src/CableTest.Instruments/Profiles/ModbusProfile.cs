namespace CableTest.Instruments.Profiles;

/// <summary>Register map of one model.</summary>
/// <param name="Points">Named values (voltage_v, state, temperature_c, ...).</param>
/// <param name="Codes">Named integer codes (command_start, state_dwell, outcome_pass, ...).</param>
/// <param name="TimeoutMs">Reply deadline.</param>
public sealed record ModbusProfile(IReadOnlyDictionary<string, ModbusPoint> Points, IReadOnlyDictionary<string, int> Codes, int TimeoutMs);
