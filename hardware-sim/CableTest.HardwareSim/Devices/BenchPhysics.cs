using System.Globalization;
using CableTest.HardwareSim.Physics;
using CableTest.HardwareSim.Scenarios;

namespace CableTest.HardwareSim.Devices;

/// <summary>
/// What the bench's instruments share: the instrument clock, the climate, the cable on the bench (which
/// core the leads are on), the interlock input and the event log. Thread-safe.
/// </summary>
internal sealed class BenchPhysics
{
    private readonly Lock gate = new();
    private readonly List<string> events = [];
    private SampleDefinition sample;
    private ConductorModel conductor;
    private InsulationModel insulation;
    private double placedAtS;
    private double initialTemperatureC;
    private int selectedCore = 1;
    private bool interlockClosed;

    public BenchPhysics(InstrumentClock clock, ScenarioDefinition scenario, int seed)
    {
        Clock = clock;
        Seed = seed;
        Ambient = new AmbientModel(scenario.Ambient);
        Bath = new BathModel(scenario.Bath);
        Devices = scenario.Devices;
        interlockClosed = scenario.Devices.InterlockClosed;
        sample = scenario.Sample;
        conductor = new ConductorModel(sample, seed);
        insulation = new InsulationModel(sample);
        initialTemperatureC = sample.InitialTemperatureC ?? Ambient.TemperatureC(0);
    }

    public InstrumentClock Clock { get; }

    public int Seed { get; }

    public AmbientModel Ambient { get; }

    /// <summary>The water bath.</summary>
    public BathModel Bath { get; }

    public DeviceDefinition Devices { get; }

    public double NowS => Clock.NowS;

    public SampleDefinition Sample
    {
        get
        {
            lock (gate)
            {
                return sample;
            }
        }
    }

    public InsulationModel Insulation
    {
        get
        {
            lock (gate)
            {
                return insulation;
            }
        }
    }

    public int SelectedCore
    {
        get
        {
            lock (gate)
            {
                return selectedCore;
            }
        }
    }

    public bool InterlockClosed
    {
        get
        {
            lock (gate)
            {
                return interlockClosed;
            }
        }

        set
        {
            lock (gate)
            {
                interlockClosed = value;
            }
        }
    }

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (gate)
            {
                return [.. events];
            }
        }
    }

    /// <summary>Puts another cable on the bench now (its conductor starts at its own initial temperature or the ambient).</summary>
    public void SetSample(SampleDefinition next)
    {
        var now = NowS;
        lock (gate)
        {
            sample = next;
            conductor = new ConductorModel(next, Seed);
            insulation = new InsulationModel(next);
            placedAtS = now;
            initialTemperatureC = next.InitialTemperatureC ?? Ambient.TemperatureC(now);
            selectedCore = 1;
        }

        AddEvent($"sample {next.Name} placed: {next.Product}");
    }

    /// <summary>Connects the leads to core <paramref name="core"/> (1-based).</summary>
    public void SelectCore(int core)
    {
        lock (gate)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(core, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(core, conductor.Cores);
            selectedCore = core;
        }

        AddEvent(string.Create(CultureInfo.InvariantCulture, $"leads moved to core {core}"));
    }

    public double ConductorTemperatureC(double nowS)
    {
        lock (gate)
        {
            return ThermalModel.ConductorTemperatureC(initialTemperatureC, Ambient.TemperatureC(placedAtS), Ambient.DriftCPerS, sample.ThermalTimeConstantS, nowS - placedAtS);
        }
    }

    /// <summary>
    /// Temperature of the insulation under test: the bath water's when the sample is measured immersed (it has soaked for
    /// the method's time), the conductor's otherwise.
    /// </summary>
    public double InsulationTemperatureC(double nowS) => Sample.Immersed ? Bath.WaterTemperatureC(nowS) : ConductorTemperatureC(nowS);

    /// <summary>True DC resistance of the connected core now.</summary>
    public double TrueResistanceOhm(double nowS)
    {
        var temperature = ConductorTemperatureC(nowS);
        lock (gate)
        {
            return conductor.ResistanceOhm(selectedCore, temperature);
        }
    }

    public void AddEvent(string text)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"t={NowS:F1}s {text}");
        lock (gate)
        {
            events.Add(line);
        }
    }
}
