using System.Globalization;
using CableTest.HardwareSim.Devices;
using CableTest.HardwareSim.Physics;
using CableTest.HardwareSim.Replay;
using CableTest.HardwareSim.Scenarios;
using CableTest.HardwareSim.Serving;
using CableTest.Instruments.Drivers;
using CableTest.Instruments.Modbus.Slave;
using CableTest.Instruments.Profiles;
using CableTest.Instruments.Recording;
using CableTest.Protocols.Modbus;
using CableTest.Transports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CableTest.HardwareSim;

/// <summary>
/// The simulated test bench, in-process: the micro-ohmmeter (sim-ohm) and insulation tester (sim-megger) speak SCPI
/// on their own pseudo-terminals; the withstand tester (sim-hipot, unit 1) speaks Modbus TCP on loopback and Modbus
/// RTU on an RS-485 pty it shares with the ambient sensor (sim-ambient, unit 2) and the water bath's PT100 transmitter
/// (sim-bath, unit 3). Or, with a replay file, each
/// recorded line is served from the recording. Start with <see cref="StartAsync"/>, find devices in
/// <see cref="Endpoints"/>, steer it with the control methods, stop with <see cref="DisposeAsync"/>.
/// </summary>
public sealed partial class SimulatedBench : IAsyncDisposable
{
    /// <summary>Unit id of the withstand tester (RTU and TCP).</summary>
    public const byte WithstandUnitId = 1;

    /// <summary>Unit id of the ambient sensor on the RS-485 bus.</summary>
    public const byte AmbientUnitId = 2;

    /// <summary>Unit id of the water bath's thermometer on the RS-485 bus.</summary>
    public const byte BathUnitId = 3;

    private const string Ohm = "conductor_resistance_meter";
    private const string Megger = "insulation_tester";
    private const string Hipot = "withstand_tester";
    private const string Climate = "ambient_sensor";
    private const string Water = "bath_thermometer";

    private readonly SimulatedBenchOptions options;
    private readonly List<IAsyncDisposable> resources = [];
    private readonly Dictionary<string, FaultInjector> faults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Func<TimeSpan, CancellationToken, Task>>> disconnectors = new(StringComparer.Ordinal);
    private readonly List<SimulatedEndpoint> endpoints = [];
    private readonly Dictionary<string, SimulatedEndpoint> replayEndpoints = new(StringComparer.Ordinal);
    private readonly List<Task> background = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly ILogger logger;
    private ScenarioLibrary? library;
    private BenchPhysics? physics;
    private WithstandTester? withstand;
    private long exchanges;

    private SimulatedBench(SimulatedBenchOptions options)
    {
        this.options = options;
        logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("CableTest.HardwareSim");
        Clock = new InstrumentClock(options.TimeProvider, options.TimeScale);
    }

    /// <summary>Every device served.</summary>
    public IReadOnlyList<SimulatedEndpoint> Endpoints => endpoints;

    /// <summary>The scenario (or "replay:FILE").</summary>
    public string ScenarioName { get; private set; } = "";

    /// <summary>Instrument seconds per wall second.</summary>
    public double TimeScale => Clock.TimeScale;

    /// <summary>The seed.</summary>
    public int Seed => options.Seed;

    /// <summary>The instrument clock.</summary>
    public InstrumentClock Clock { get; }

    /// <summary>The replay in progress (null when simulating).</summary>
    public ReplayScript? Replay { get; private set; }

    /// <summary>Starts serving the scenario (or the replay) given by <paramref name="options"/>.</summary>
    public static async Task<SimulatedBench> StartAsync(SimulatedBenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(options.WorkDirectory);
        var bench = new SimulatedBench(options);
        try
        {
            if (options.ReplayFile is not null)
            {
                bench.StartReplay(Recording.Load(options.ReplayFile));
            }
            else
            {
                bench.StartScenario();
            }
        }
        catch
        {
            await bench.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await Task.Yield();
        return bench;
    }

    /// <summary>The endpoint of <paramref name="role"/> (and <paramref name="protocol"/>, when a role has several).</summary>
    public SimulatedEndpoint Endpoint(string role, string? protocol = null) =>
        endpoints.FirstOrDefault(e => e.Role == role && (protocol is null || e.Protocol == protocol))
        ?? throw new KeyNotFoundException($"no endpoint for {role}{(protocol is null ? "" : " over " + protocol)} (have: {string.Join(", ", endpoints.Select(e => e.Role + "/" + e.Protocol))})");

    /// <summary>Replay: the endpoint serving the recorded line named <paramref name="line"/> (<c>ExchangeRecord.Line</c>), or null when the recording has no exchange on it.</summary>
    public SimulatedEndpoint? ReplayEndpoint(string line) => replayEndpoints.GetValueOrDefault(line);

    /// <summary>Stops every endpoint and removes the links.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(background).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TransportException or IOException)
        {
        }

        for (var i = resources.Count - 1; i >= 0; i--)
        {
            await resources[i].DisposeAsync().ConfigureAwait(false);
        }

        stopping.Dispose();
    }

    private void StartScenario()
    {
        library = ScenarioLibrary.Load(options.ScenarioDirectories);
        var scenario = options.ScenarioDefinition ?? library.Get(options.Scenario);
        ScenarioName = scenario.Name;
        physics = new BenchPhysics(Clock, scenario, options.Seed);
        var profiles = ProfileCatalogue.LoadDefault();
        var time = options.TimeProvider;
        foreach (var role in new[] { Ohm, Megger, Hipot, Climate, Water })
        {
            faults[role] = new FaultInjector();
            disconnectors[role] = [];
        }

        var ohm = new MicroOhmmeter(physics);
        var megger = new InsulationTester(physics);
        withstand = new WithstandTester(physics, profiles.Get("sim-hipot").Modbus!);
        var ambient = new AmbientSensor(physics, profiles.Get("sim-ambient").Modbus!);
        var bath = new BathThermometer(physics, profiles.Get("sim-bath").Modbus!);

        AddScpiPort(Ohm, "ohm", profiles.Get("sim-ohm"), ohm);
        AddScpiPort(Megger, "megger", profiles.Get("sim-megger"), megger);

        var hipotProfile = profiles.Get("sim-hipot");
        var busSerial = ToSerial(hipotProfile.Serial!);
        var bus = new ModbusSlaveProcessor();
        bus.AddUnit(WithstandUnitId, withstand);
        bus.AddUnit(AmbientUnitId, ambient);
        bus.AddUnit(BathUnitId, bath);
        var busPort = new PtyPort(Path.GetFullPath(Path.Combine(options.WorkDirectory, "rs485")), busSerial, LineRateFor(Hipot), time,
            (channel, ct) => new ModbusRtuSlave(channel, bus, logger, time) { FaultHook = ModbusHook }.RunAsync(ct),
            ModbusRtu.InterFrameDelay(busSerial.BaudRate, busSerial.BitsPerCharacter));
        resources.Add(busPort);
        disconnectors[Hipot].Add(busPort.DisconnectAsync);
        disconnectors[Climate].Add(busPort.DisconnectAsync);
        disconnectors[Water].Add(busPort.DisconnectAsync);
        endpoints.Add(new SimulatedEndpoint(Hipot, "modbus-rtu", busPort.LinkPath, WithstandUnitId, hipotProfile.Name, SerialEndpoint(busPort.LinkPath, busSerial)));
        endpoints.Add(new SimulatedEndpoint(Climate, "modbus-rtu", busPort.LinkPath, AmbientUnitId, "sim-ambient", SerialEndpoint(busPort.LinkPath, busSerial)));
        endpoints.Add(new SimulatedEndpoint(Water, "modbus-rtu", busPort.LinkPath, BathUnitId, "sim-bath", SerialEndpoint(busPort.LinkPath, busSerial)));

        var tcp = new TcpSlaveHost(new ModbusSlaveProcessor(WithstandUnitId, withstand), options.ModbusTcpPort, ModbusHook, logger, time);
        resources.Add(tcp);
        disconnectors[Hipot].Add(tcp.DisconnectAsync);
        var address = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{tcp.Port}");
        endpoints.Add(new SimulatedEndpoint(Hipot, "modbus-tcp", address, WithstandUnitId, hipotProfile.Name, "tcp://" + address));

        foreach (var fault in scenario.Faults.Concat(options.Faults))
        {
            InjectFault(fault.Role, fault.Kind, fault.Parameter, fault.Count);
        }

        physics.AddEvent($"scenario {scenario.Name} started: {scenario.Sample.Product}");
    }

    private void AddScpiPort(string role, string link, InstrumentProfile profile, ScpiInstrument instrument)
    {
        var serial = ToSerial(profile.Serial!);
        var time = options.TimeProvider;
        var port = new PtyPort(Path.GetFullPath(Path.Combine(options.WorkDirectory, link)), serial, LineRateFor(role), time,
            (channel, ct) => new ScpiServer(channel, instrument, faults[role], time, () => Interlocked.Increment(ref exchanges)).RunAsync(ct));
        resources.Add(port);
        disconnectors[role].Add(port.DisconnectAsync);
        endpoints.Add(new SimulatedEndpoint(role, "scpi", port.LinkPath, 0, profile.Name, SerialEndpoint(port.LinkPath, serial)));
    }

    private void StartReplay(Recording recording)
    {
        ScenarioName = "replay:" + recording.Path;
        Replay = new ReplayScript(recording);
        Replay.Diverged += d => logger.LogWarning("replay divergence at #{Sequence} on {Line}: expected {Expected}, got {Actual}", d.Sequence, d.Line, d.ExpectedHex, d.ActualHex);
        var time = options.TimeProvider;
        var index = 0;
        foreach (var line in Replay.Lines)
        {
            index++;
            var device = line.Devices.FirstOrDefault() ?? "device";
            var server = new ReplayServer(line, options.ReplayTiming, time);
            if (line.Protocol == "modbus-tcp")
            {
                var listener = new ReplayTcpListener(server, 0);
                resources.Add(listener);
                var address = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{listener.Port}");
                endpoints.Add(new SimulatedEndpoint(device, line.Protocol, address, 0, "", "tcp://" + address));
                replayEndpoints[line.Line] = endpoints[^1];
                continue;
            }

            var link = Path.GetFullPath(Path.Combine(options.WorkDirectory, string.Create(CultureInfo.InvariantCulture, $"replay-{index}-{Sanitize(device)}")));
            var serial = new SerialSettings();
            var port = new PtyPort(link, serial, null, time, server.ServeAsync);
            resources.Add(port);
            endpoints.Add(new SimulatedEndpoint(device, line.Protocol, link, 0, "", SerialEndpoint(link, serial)));
            replayEndpoints[line.Line] = endpoints[^1];
        }
    }

    private ModbusFault ModbusHook(byte unit, ReadOnlySpan<byte> requestPdu)
    {
        Interlocked.Increment(ref exchanges);
        var role = unit switch { AmbientUnitId => Climate, BathUnitId => Water, _ => Hipot };
        var fault = faults[role].Next(k => k is FaultKind.Latency or FaultKind.NoReply or FaultKind.PartialFrame or FaultKind.Garbled or FaultKind.BadCrc or FaultKind.ModbusException);
        return fault?.Kind switch
        {
            null => ModbusFault.None,
            FaultKind.Latency => ModbusFault.Delayed(TimeSpan.FromMilliseconds(Math.Max(0, fault.Parameter))),
            FaultKind.NoReply => ModbusFault.NoReply,
            FaultKind.PartialFrame => ModbusFault.Truncate(),
            FaultKind.Garbled => ModbusFault.Garbage,
            FaultKind.BadCrc => ModbusFault.CorruptCrc,
            _ => ModbusFault.Exception((ModbusExceptionCode)(int)fault.Parameter),
        };
    }

    private LineRateOptions? LineRateFor(string role) => options.LineRateByRole.TryGetValue(role, out var own) ? own : options.LineRate;

    private static SerialSettings ToSerial(SerialDefaults d) => new SerialSettings
    {
        BaudRate = d.BaudRate,
        DataBits = d.DataBits,
        StopBits = d.StopBits,
        Parity = d.Parity switch { "even" => SerialParity.Even, "odd" => SerialParity.Odd, _ => SerialParity.None },
    }.Validate();

    private static string SerialEndpoint(string path, SerialSettings s) => string.Create(CultureInfo.InvariantCulture,
        $"serial://{path}?baud={s.BaudRate}&parity={s.Parity.ToString().ToLowerInvariant()}&databits={s.DataBits}&stopbits={s.StopBits}");

    private static string Sanitize(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());

    private static bool IsRole(string role) => InstrumentRoles.TryParse(role, out _);
}
