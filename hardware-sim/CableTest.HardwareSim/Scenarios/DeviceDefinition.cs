namespace CableTest.HardwareSim.Scenarios;

/// <summary>Instrument parameters of a scenario (noise, interlock).</summary>
public sealed record DeviceDefinition
{
    /// <summary>Micro-ohmmeter 1-σ noise relative to the reading.</summary>
    public double OhmNoiseFraction { get; init; } = 0.0002;

    /// <summary>Lead resistance the micro-ohmmeter adds in 2-wire mode.</summary>
    public double OhmLeadResistanceOhm { get; init; } = 0.05;

    /// <summary>Insulation tester 1-σ noise relative to the reading.</summary>
    public double MeggerNoiseFraction { get; init; } = 0.01;

    /// <summary>Withstand tester leakage 1-σ noise relative to the reading.</summary>
    public double HipotNoiseFraction { get; init; } = 0.005;

    /// <summary>Ambient sensor 1-σ temperature noise.</summary>
    public double AmbientNoiseC { get; init; } = 0.05;

    /// <summary>Interlock (cage door) closed at start.</summary>
    public bool InterlockClosed { get; init; } = true;

    /// <summary>The interlock opens this long into the withstand dwell (null: never).</summary>
    public double? InterlockOpenAtDwellS { get; init; }
}
