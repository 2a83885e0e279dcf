using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;

namespace CableTest.Service.Bench;

/// <summary>
/// The bench: its instruments (or the embedded simulator when none are configured) and run parameters. Section <c>Bench</c>.
/// A record: a replay copies it with <c>with</c> (giving it its own <see cref="Instruments"/> list), so every setting is carried.
/// </summary>
public sealed record BenchOptions
{
    private static TestMethodConstants Method => StandardsCatalogue.LoadDefault().Method;

    /// <summary>Configuration section.</summary>
    public const string Section = "Bench";

    /// <summary>Bench identity in readings and verdicts.</summary>
    public string BenchId { get; set; } = "bench-1";

    /// <summary>Instruments of a real bench. Empty: the embedded simulated bench is started in-process.</summary>
    public List<InstrumentOptions> Instruments { get; init; } = [];

    /// <summary>The embedded simulator (used only when <see cref="Instruments"/> is empty).</summary>
    public EmbeddedSimulatorOptions Simulator { get; set; } = new();

    /// <summary>Directory of the lab's own instrument profiles, beside the shipped ones.</summary>
    public string? ProfileDirectory { get; set; }

    /// <summary><c>block</c>: an instrument past its calibration due date blocks a run; <c>inconclusive</c>: the run goes on and its tests are inconclusive.</summary>
    public string CalibrationPolicy { get; set; } = CalibrationPolicies.Block;

    /// <summary><see cref="CalibrationPolicy"/> parsed (the validator refuses any other name at start).</summary>
    public CalibrationPolicy Policy =>
        CalibrationPolicies.TryParse(CalibrationPolicy, out var policy) ? policy : throw new InvalidOperationException($"Bench:CalibrationPolicy must be {CalibrationPolicies.Choices}");

    /// <summary>How often running tests read their instruments.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Resistance readings averaged per core.</summary>
    public int ResistanceReadings { get; set; } = 3;

    /// <summary>Insulation test voltage (GB/T 3048.5: 80–500 V DC); default from the method data (500 V).</summary>
    public double InsulationTestVoltageV { get; set; } = (double)Method.InsulationTestVoltageV.Value;

    /// <summary>Electrification time before the insulation reading; default from the method data (1 min).</summary>
    public TimeSpan Electrification { get; set; } = TimeSpan.FromSeconds((double)Method.ElectrificationS.Value);

    /// <summary>
    /// Water-bath setpoint for insulation tests whose minimum is tabulated at 70 °C (IEC 60227 / GB/T 5023 types): the
    /// temperature the plan looks the minimum up at and the prompt names. The test temperature is measured by the bench's
    /// bath_thermometer; without one this configured value is the explicit fallback, and the verdict's warnings say so.
    /// </summary>
    public double WaterBathTemperatureC { get; set; } = 70;

    /// <summary>Leakage current trip for the withstand test.</summary>
    public double LeakageLimitMa { get; set; } = 50;

    /// <summary>Withstand ramp up and down times.</summary>
    public TimeSpan WithstandRamp { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Ambient window in which the methods apply (about 15–25 °C); default from the method data.</summary>
    public double AmbientMinC { get; set; } = (double)Method.AmbientMinC.Value;

    /// <summary>Upper bound of the ambient window; default from the method data.</summary>
    public double AmbientMaxC { get; set; } = (double)Method.AmbientMaxC.Value;

    /// <summary>Upper bound, in instrument time, on waiting for an instrument state (electrification, dwell) beyond its nominal duration.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Compact the heap and return free memory to the system when a run has ended (default on; docs/service.md).</summary>
    public bool CompactMemoryAfterRun { get; set; } = true;
}
