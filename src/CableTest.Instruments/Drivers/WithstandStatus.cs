namespace CableTest.Instruments.Drivers;

/// <summary>The tester's present state.</summary>
/// <param name="State">Program step.</param>
/// <param name="Outcome">End result once finished.</param>
/// <param name="OutputVoltageKv">Voltage at the output now.</param>
/// <param name="LeakageMa">Leakage current now.</param>
/// <param name="ElapsedS">Time in the present step (dwell time during the dwell).</param>
/// <param name="FailureVoltageKv">Voltage at the failure, when it failed.</param>
/// <param name="FailureTimeS">Time into the program at the failure, when it failed.</param>
/// <param name="InterlockClosed">Cage door / safety loop closed.</param>
/// <param name="OutputOn">High voltage present at the output.</param>
public sealed record WithstandStatus(
    WithstandState State,
    WithstandOutcome Outcome,
    double OutputVoltageKv,
    double LeakageMa,
    double ElapsedS,
    double? FailureVoltageKv,
    double? FailureTimeS,
    bool InterlockClosed,
    bool OutputOn);
