namespace CableTest.Service.Bench;

/// <summary>The bench: its instruments (or the embedded simulator when none are configured) and run parameters. Section <c>Bench</c>.</summary>
public sealed class BenchOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Bench";

    /// <summary>Bench identity in readings and verdicts.</summary>
    public string BenchId { get; set; } = "bench-1";

    /// <summary>Instruments of a real bench. Empty: the embedded simulated bench is started in-process.</summary>
    public List<InstrumentOptions> Instruments { get; } = [];

    /// <summary>The embedded simulator (used only when <see cref="Instruments"/> is empty).</summary>
    public EmbeddedSimulatorOptions Simulator { get; set; } = new();

    /// <summary>Directory of the lab's own instrument profiles, beside the shipped ones.</summary>
    public string? ProfileDirectory { get; set; }

    /// <summary><c>block</c>: an instrument past its calibration due date blocks a run; <c>inconclusive</c>: the run goes on and its tests are inconclusive.</summary>
    public string CalibrationPolicy { get; set; } = "block";

    /// <summary>How often running tests read their instruments.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Resistance readings averaged per core.</summary>
    public int ResistanceReadings { get; set; } = 3;

    /// <summary>Insulation test voltage (GB/T 3048.5: 80–500 V DC).</summary>
    public double InsulationTestVoltageV { get; set; } = 500;

    /// <summary>Electrification time before the insulation reading.</summary>
    public TimeSpan Electrification { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Water-bath temperature for insulation tests whose minimum is tabulated at 70 °C (IEC 60227 / GB/T 5023 types).
    /// Taken from configuration: the bench has no bath sensor, and the evidence says so.
    /// </summary>
    public double WaterBathTemperatureC { get; set; } = 70;

    /// <summary>Leakage current trip for the withstand test.</summary>
    public double LeakageLimitMa { get; set; } = 50;

    /// <summary>Withstand ramp up and down times.</summary>
    public TimeSpan WithstandRamp { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Ambient window in which the methods apply (about 15–25 °C).</summary>
    public double AmbientMinC { get; set; } = 15;

    /// <summary>Upper bound of the ambient window.</summary>
    public double AmbientMaxC { get; set; } = 25;

    /// <summary>Upper bound, in instrument time, on waiting for an instrument state (electrification, dwell) beyond its nominal duration.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromMinutes(15);
}
