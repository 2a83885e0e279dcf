namespace CableTest.HardwareSim.Scenarios;

/// <summary>
/// The water bath an IEC 60227 sample's insulation resistance is measured in (70 °C): its controller's setpoint, how far
/// the water runs from it, and its PT100 transmitter (sim-bath).
/// </summary>
public sealed record BathDefinition
{
    /// <summary>The controller's setpoint.</summary>
    public double SetpointC { get; init; } = 70;

    /// <summary>Steady offset of the water from the setpoint (a bath that runs cold or hot).</summary>
    public double OffsetC { get; init; }

    /// <summary>Amplitude of the controller's swing around setpoint + offset.</summary>
    public double SwingC { get; init; } = 0.2;

    /// <summary>Period of the swing (instrument seconds).</summary>
    public double SwingPeriodS { get; init; } = 600;

    /// <summary>The PT100 transmitter's 1-σ noise.</summary>
    public double NoiseC { get; init; } = 0.05;
}
