using System.Globalization;
using CableTest.HardwareSim.Devices;
using CableTest.HardwareSim.Scenarios;
using CableTest.HardwareSim.Serving;
using CableTest.Transports;

namespace CableTest.HardwareSim;

public sealed partial class SimulatedBench
{
    /// <summary>
    /// Injects a fault on the device of <paramref name="role"/> for <paramref name="count"/> exchanges (0: until
    /// cleared). A disconnect happens at once: the device's ports go away for <paramref name="parameter"/> seconds
    /// (default 1) and come back. Returns the fault id.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown role, or a fault the device's protocol cannot have.</exception>
    public string InjectFault(string role, FaultKind kind, double parameter = 0, int count = 0)
    {
        var injector = Injector(role);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var scpi = role is Ohm or Megger;
        if ((kind == FaultKind.ModbusException && scpi) || (kind == FaultKind.ScpiError && !scpi))
        {
            throw new ArgumentException($"{FaultKinds.Name(kind)} does not apply to {role} ({(scpi ? "SCPI" : "Modbus")})", nameof(kind));
        }

        if (kind == FaultKind.ModbusException && parameter is < 1 or > 11)
        {
            throw new ArgumentException("modbus_exception needs an exception code 1..11 as parameter (6 busy, 2 illegal address)", nameof(parameter));
        }

        if (kind == FaultKind.Disconnect)
        {
            var down = TimeSpan.FromSeconds(parameter > 0 ? Math.Min(parameter, 3600) : 1);
            foreach (var disconnect in disconnectors[role])
            {
                background.Add(Disconnect(disconnect, down));
            }

            physics?.AddEvent(string.Create(CultureInfo.InvariantCulture, $"{role}: port disconnected for {down.TotalSeconds:F1} s"));
            return "disconnect-" + role;
        }

        var id = injector.Add(kind, parameter, count);
        physics?.AddEvent(string.Create(CultureInfo.InvariantCulture, $"{role}: fault {FaultKinds.Name(kind)} ({parameter}) x{(count == 0 ? "until cleared" : count.ToString(CultureInfo.InvariantCulture))} [{id}]"));
        return id;
    }

    /// <summary>Removes the faults of <paramref name="role"/> (null or empty: every device); returns how many.</summary>
    public int ClearFaults(string? role = null)
    {
        if (string.IsNullOrEmpty(role))
        {
            return faults.Values.Sum(f => f.Clear());
        }

        return Injector(role).Clear();
    }

    /// <summary>Faults active on <paramref name="role"/>.</summary>
    public IReadOnlyList<InjectedFault> ActiveFaults(string role) => Injector(role).Active;

    /// <summary>Opens or closes the withstand tester's interlock input; true when opening it dropped a live output.</summary>
    public bool SetInterlock(bool closed)
    {
        var tester = withstand ?? throw new InvalidOperationException("no simulated withstand tester (replay)");
        var dropped = tester.SetInterlock(closed);
        physics!.AddEvent(closed ? "interlock closed" : "interlock opened");
        return dropped;
    }

    /// <summary>Puts the sample of scenario <paramref name="scenarioName"/> on the bench; returns its product text.</summary>
    public string SetSample(string scenarioName) => SetSample((library ?? throw new InvalidOperationException("no scenario library (replay)")).Get(scenarioName).Sample);

    /// <summary>Puts a sample given as JSON (the scenario file's <c>sample</c> object) on the bench.</summary>
    /// <exception cref="ScenarioLoadException">The JSON is not a valid sample.</exception>
    public string SetSampleJson(string json) => SetSample(ScenarioLoader.ParseSample(json));

    /// <summary>Puts <paramref name="sample"/> on the bench; returns its product text.</summary>
    public string SetSample(SampleDefinition sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        Physics.SetSample(sample);
        return sample.Product;
    }

    /// <summary>Connects the instruments' leads to core <paramref name="core"/> (1-based) of a multi-core sample.</summary>
    public void SelectCore(int core) => Physics.SelectCore(core);

    /// <summary>What the simulated instruments know for certain, now.</summary>
    public GroundTruthSnapshot GroundTruth()
    {
        if (physics is null)
        {
            var replay = Replay!;
            return new GroundTruthSnapshot(0, 0, 0, 0, 0, false, false, 0, Clock.NowS, 0, 0,
                replay.Divergences.Select(d => d.Reason).ToArray(), replay.Answered);
        }

        var reading = withstand!.Reading();
        var now = physics.NowS;
        var conductor = physics.ConductorTemperatureC(now);
        var insulation = physics.InsulationTemperatureC(now);
        return new GroundTruthSnapshot(
            physics.TrueResistanceOhm(now),
            physics.Insulation.OneMinuteMOhm(insulation),
            conductor,
            physics.Ambient.TemperatureC(now),
            physics.Ambient.HumidityRh(now),
            physics.InterlockClosed,
            reading.OutputOn,
            reading.OutputVoltageV / 1000,
            now,
            physics.SelectedCore,
            physics.Sample.Cores,
            physics.Events,
            Interlocked.Read(ref exchanges))
        {
            InsulationTemperatureC = insulation,
            BathTemperatureC = physics.Bath.WaterTemperatureC(now),
        };
    }

    private BenchPhysics Physics => physics ?? throw new InvalidOperationException("no simulated physics (replay)");

    private FaultInjector Injector(string role) =>
        faults.TryGetValue(role ?? string.Empty, out var injector)
            ? injector
            : throw new ArgumentException($"no simulated device with role \"{role}\" (have: {string.Join(", ", faults.Keys)})", nameof(role));

    private async Task Disconnect(Func<TimeSpan, CancellationToken, Task> disconnect, TimeSpan down)
    {
        try
        {
            await disconnect(down, stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TransportException or IOException)
        {
        }
    }
}
