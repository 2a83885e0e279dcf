using CableTest.Instruments.Drivers;

namespace CableTest.HardwareSim.Physics;

/// <summary>What the withstand tester shows at one instant (noise-free).</summary>
/// <param name="State">Program step.</param>
/// <param name="Outcome">How it ended, once it has.</param>
/// <param name="OutputVoltageV">Voltage at the output.</param>
/// <param name="LeakageMa">Current (the trip current, held, after a trip).</param>
/// <param name="ElapsedS">Time in the present step; after completion the dwell achieved; after a stop the time in the step it stopped in.</param>
/// <param name="FailureVoltageV">Voltage at a trip (high, breakdown, arc).</param>
/// <param name="FailureTimeS">Program time at a trip.</param>
/// <param name="OutputOn">High voltage present.</param>
public sealed record WithstandReading(
    WithstandState State,
    WithstandOutcome Outcome,
    double OutputVoltageV,
    double LeakageMa,
    double ElapsedS,
    double? FailureVoltageV,
    double? FailureTimeS,
    bool OutputOn)
{
    /// <summary>Nothing running.</summary>
    public static WithstandReading Idle { get; } = new(WithstandState.Idle, WithstandOutcome.None, 0, 0, 0, null, null, false);
}
