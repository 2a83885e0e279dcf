namespace CableTest.Runs.Model;

/// <summary>The hipot tester's own account of a withstand test.</summary>
/// <param name="TesterOutcome">pass, high, low, arc, breakdown, interlock, aborted (the tester's words).</param>
/// <param name="LeakageLimitMa">Programmed trip current.</param>
/// <param name="MaxLeakageMa">Highest leakage seen.</param>
/// <param name="FailureVoltageKv">Voltage at the trip, when it tripped.</param>
/// <param name="FailureTimeS">Test time at the trip, when it tripped.</param>
public sealed record WithstandTrace(string TesterOutcome, double LeakageLimitMa, double MaxLeakageMa, double? FailureVoltageKv, double? FailureTimeS);
