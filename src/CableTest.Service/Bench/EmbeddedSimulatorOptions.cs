namespace CableTest.Service.Bench;

/// <summary>The in-process simulated bench of the embedded default.</summary>
public sealed class EmbeddedSimulatorOptions
{
    /// <summary>Scenario (hardware-sim/CableTest.HardwareSim/Scenarios).</summary>
    public string Scenario { get; set; } = "good-bv-2.5";

    /// <summary>Instrument time per wall time: 60 makes a 5-minute dwell take 5 s.</summary>
    public double TimeScale { get; set; } = 60;

    /// <summary>Calibration due date given to the simulated instruments (to rehearse an overdue instrument).</summary>
    public DateOnly CalibrationDue { get; set; } = new(2099, 12, 31);

    /// <summary>Seed of the simulator's randomness.</summary>
    public int Seed { get; set; } = 1;
}
