using CableTest.Instruments.Drivers;

namespace CableTest.Runs.Plan;

/// <summary>One bench instrument as a plan sees it.</summary>
/// <param name="Id">Bench id.</param>
/// <param name="Role">What it measures.</param>
/// <param name="CalibrationDue">Calibration due date, when known.</param>
/// <param name="NotReady">Why it cannot be used now (unreachable, high voltage not confirmed off), or null when ready.</param>
public sealed record PlanInstrument(string Id, InstrumentRole Role, DateOnly? CalibrationDue = null, string? NotReady = null)
{
    /// <summary>
    /// The largest value it can measure or apply in its role's unit (ohm for the micro-ohmmeter, kV for the withstand
    /// tester), when its profile gives one; null: not known, not checked.
    /// </summary>
    public double? MaxReach { get; init; }
}
