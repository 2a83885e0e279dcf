namespace CableTest.HardwareSim;

/// <summary>What the simulated instruments know for certain (noise-free), at one instant.</summary>
/// <param name="TrueResistanceOhm">DC resistance of the connected core at its present temperature.</param>
/// <param name="TrueInsulationResistanceMOhm">1-min insulation resistance at the present insulation temperature (<see cref="InsulationTemperatureC"/>).</param>
/// <param name="ConductorTemperatureC">Conductor temperature.</param>
/// <param name="AmbientTemperatureC">Air temperature.</param>
/// <param name="HumidityRh">Relative humidity.</param>
/// <param name="InterlockClosed">Cage door closed.</param>
/// <param name="HighVoltageOn">Withstand output live.</param>
/// <param name="OutputVoltageKv">Withstand output voltage.</param>
/// <param name="InstrumentTimeS">Instrument time since start.</param>
/// <param name="SelectedCore">Core the leads are on (1-based).</param>
/// <param name="Cores">Cores of the sample.</param>
/// <param name="Events">Breakdowns, trips, interlock, sample changes, divergences so far.</param>
/// <param name="Exchanges">Requests served so far, all devices.</param>
public sealed record GroundTruthSnapshot(
    double TrueResistanceOhm,
    double TrueInsulationResistanceMOhm,
    double ConductorTemperatureC,
    double AmbientTemperatureC,
    double HumidityRh,
    bool InterlockClosed,
    bool HighVoltageOn,
    double OutputVoltageKv,
    double InstrumentTimeS,
    int SelectedCore,
    int Cores,
    IReadOnlyList<string> Events,
    long Exchanges)
{
    /// <summary>Temperature of the insulation under test: the bath water's for an immersed sample, the conductor's otherwise.</summary>
    public double InsulationTemperatureC { get; init; }

    /// <summary>Water temperature of the bath.</summary>
    public double BathTemperatureC { get; init; }
}
