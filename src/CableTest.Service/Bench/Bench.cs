using CableTest.Domain.Instruments;
using CableTest.Domain.Uncertainty;
using CableTest.HardwareSim;
using CableTest.Instruments.Drivers;
using CableTest.Instruments.Fixtures;
using CableTest.Instruments.Profiles;
using CableTest.Instruments.Safety;
using CableTest.Storage;
using CableTest.Transports;
using Microsoft.Extensions.Options;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Bench;

/// <summary>
/// The bench the service drives: one owner per line, a driver per role (from the <see cref="DriverRegistry"/>),
/// the embedded simulator when no instruments are configured, the core switch, and the high-voltage safety
/// actions every path ends in (<see cref="HighVoltageSafety"/>). Live and replay benches are built the same way
/// (<see cref="Create"/>).
/// </summary>
public sealed partial class Bench : IAsyncDisposable
{
    private readonly BenchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<Bench> _logger;
    private readonly string _dataDirectory;
    private readonly List<IAsyncDisposable> _lines = [];
    private readonly Dictionary<InstrumentRole, BenchInstrument> _instruments = [];

    /// <summary>Creates the bench (connected by <see cref="ConnectAsync(CancellationToken)"/>).</summary>
    public Bench(IOptions<BenchOptions> options, IConfiguration configuration, TimeProvider time, ILoggerFactory loggers)
        : this(options.Value, configuration[StoragePaths.DataDirectoryKey] is { Length: > 0 } d ? d : StoragePaths.DefaultDataDirectory, time, loggers)
    {
    }

    private Bench(BenchOptions options, string dataDirectory, TimeProvider time, ILoggerFactory loggers)
    {
        _options = options;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<Bench>();
        _dataDirectory = dataDirectory;
    }

    /// <summary>The bench of <paramref name="options"/> keeping its files under <paramref name="dataDirectory"/>; <paramref name="replayOf"/> names the recorded run a replay bench serves.</summary>
    internal static Bench Create(BenchOptions options, string dataDirectory, TimeProvider time, ILoggerFactory loggers, string? replayOf = null) =>
        new(options, dataDirectory, time, loggers) { ReplayOf = replayOf };

    /// <summary>Which driver plays each role over each protocol (the shipped drivers unless set).</summary>
    public DriverRegistry Drivers { get; init; } = DriverRegistry.Default();

    /// <summary>High-voltage safety actions and the last confirmation; null until connected with a withstand and an insulation tester.</summary>
    public HighVoltageSafety? Safety { get; private set; }

    /// <summary>Puts a core on the measuring leads: the simulator's switch on the embedded bench, the operator's hands (nothing to do after the prompt) otherwise.</summary>
    public ICoreSwitch Cores { get; private set; } = OperatorCoreSwitch.Instance;

    /// <summary>Where the bench keeps its recordings (and the embedded simulator its links).</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>Bench id.</summary>
    public string BenchId => _options.BenchId;

    /// <summary>"simulated (embedded)", "instruments", or "replay of RUN".</summary>
    public string Mode => ReplayOf is { } run ? "replay of " + run : IsEmbedded ? "simulated (embedded)" : "instruments";

    /// <summary>The recorded run, on a bench built to replay it (its instruments are replay endpoints).</summary>
    internal string? ReplayOf { get; init; }

    /// <summary>True when the bench is the in-process simulator.</summary>
    public bool IsEmbedded => _options.Instruments.Count == 0;

    /// <summary>The embedded simulator, when <see cref="IsEmbedded"/> (callers switch cores through <see cref="Cores"/>).</summary>
    internal SimulatedBench? Simulator { get; private set; }

    /// <summary>Every exchange on every line passes through here.</summary>
    public RecorderRouter Recorder { get; } = new();

    /// <summary>True once connected.</summary>
    public bool IsConnected { get; private set; }

    /// <summary>The connected instruments.</summary>
    public IReadOnlyCollection<BenchInstrument> Instruments => _instruments.Values;

    /// <summary>The instrument of a role.</summary>
    public BenchInstrument Instrument(InstrumentRole role) =>
        _instruments.TryGetValue(role, out var i) ? i : throw new InvalidOperationException($"bench has no {InstrumentRoles.Name(role)}");

    /// <summary>Micro-ohmmeter.</summary>
    public IConductorResistanceMeter Meter => (IConductorResistanceMeter)Instrument(InstrumentRole.ConductorResistanceMeter).Driver;

    /// <summary>Megohmmeter.</summary>
    public IInsulationTester Insulation => (IInsulationTester)Instrument(InstrumentRole.InsulationTester).Driver;

    /// <summary>Hipot tester.</summary>
    public IWithstandTester Withstand => (IWithstandTester)Instrument(InstrumentRole.WithstandTester).Driver;

    /// <summary>Ambient sensor.</summary>
    public IAmbientSensor Ambient => (IAmbientSensor)Instrument(InstrumentRole.AmbientSensor).Driver;

    /// <summary>The water bath's thermometer and its id, or null when the bench has none (immersed tests then take the configured temperature, flagged).</summary>
    public (IBathThermometer Thermometer, string Id)? Bath =>
        _instruments.TryGetValue(InstrumentRole.BathThermometer, out var bath) ? ((IBathThermometer)bath.Driver, bath.Id) : null;

    /// <summary>The profiles the bench's instruments were resolved from (their accuracy feeds the uncertainty budgets).</summary>
    public ProfileCatalogue? Profiles { get; private set; }

    /// <summary>The accuracy specification of the instrument in <paramref name="role"/> for <paramref name="quantity"/> (e.g. resistance_ohm), or null when its profile states none.</summary>
    public InstrumentAccuracy? Accuracy(InstrumentRole role, string quantity) =>
        Profiles?.Get(Instrument(role).Driver.ProfileName).Accuracy.For(quantity);

    /// <summary>Last known interlock state and output state (from the last status read).</summary>
    public (bool InterlockClosed, bool OutputOn) LastHighVoltageState => Safety?.LastState ?? default;

    /// <summary>Starts the embedded simulator if needed, creates one owner per line and a driver per role, and asks each instrument whether it answers and who it is.</summary>
    public Task ConnectAsync(CancellationToken cancellationToken) => ConnectAsync(identify: true, cancellationToken);

    /// <summary>
    /// As <see cref="ConnectAsync(CancellationToken)"/>; with <paramref name="identify"/> false no exchange at all is made
    /// (a replay takes the identities from the recorded evidence, its recording starts with the run).
    /// </summary>
    internal async Task ConnectAsync(bool identify, CancellationToken cancellationToken)
    {
        var instruments = _options.Instruments.ToList();
        if (IsEmbedded)
        {
            var directory = Path.Combine(_dataDirectory, "sim");
            Directory.CreateDirectory(directory);
            Simulator = await SimulatedBench.StartAsync(new SimulatedBenchOptions
            {
                Scenario = _options.Simulator.Scenario,
                TimeScale = _options.Simulator.TimeScale,
                Seed = _options.Simulator.Seed,
                WorkDirectory = directory,
                LoggerFactory = _loggers,
            }, cancellationToken).ConfigureAwait(false);
            instruments = EmbeddedInstruments(Simulator, _options.Simulator.CalibrationDue);
            Cores = new SimulatorCoreSwitch(Simulator);
            LogEmbedded(_logger, Simulator.ScenarioName, Simulator.TimeScale, directory);
        }

        var profiles = _options.ProfileDirectory is { Length: > 0 } dir ? ProfileCatalogue.Load([dir]) : ProfileCatalogue.LoadDefault();
        Profiles = profiles;
        var resolved = new List<(InstrumentOptions Configured, InstrumentRole Role, InstrumentProfile Profile)>();
        foreach (var configured in instruments)
        {
            InstrumentRoles.TryParse(configured.Role, out var role);
            var profile = profiles.Get(configured.Profile);
            if (profile.Role != role)
            {
                throw new InvalidOperationException($"Bench:Instruments {configured.Id}: profile {profile.Name} is a {InstrumentRoles.Name(profile.Role)}, not a {configured.Role}");
            }

            if (profile.Source.IsUnverified)
            {
                LogUnverifiedProfile(_logger, configured.Id, profile.Name, profile.Source.Manual);
            }

            resolved.Add((configured, role, profile));
        }

        // Modbus units are named by their instrument id, so a recording says which instrument each exchange was for.
        var unitNames = resolved.Where(r => r.Profile.Modbus is not null)
            .GroupBy(r => LineKey(r.Profile, r.Configured.Endpoint), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => ((byte)r.Configured.UnitId, r.Configured.Id)).ToList(), StringComparer.Ordinal);
        var lines = new Dictionary<string, (object Owner, string Line)>(StringComparer.Ordinal);
        foreach (var (configured, role, profile) in resolved)
        {
            var (owner, line) = LineOwner(lines, configured.Endpoint, profile, configured.Id, unitNames);
            var driver = Drivers.Create(new DriverLine(configured.Id, profile, owner, (byte)configured.UnitId, _time));
            _instruments[role] = new BenchInstrument(configured.Id, role, driver, configured.Endpoint, InstrumentProtocols.Name(LineProtocol(profile, ChannelEndpoint.Parse(configured.Endpoint))), configured.CalibrationCertificate, configured.CalibrationDue,
                line, profile.Modbus is null ? 0 : configured.UnitId);
        }

        if (_instruments.TryGetValue(InstrumentRole.WithstandTester, out var hipot) && _instruments.TryGetValue(InstrumentRole.InsulationTester, out var megger))
        {
            Safety = new HighVoltageSafety((IWithstandTester)hipot.Driver, (IInsulationTester)megger.Driver, _time, _loggers.CreateLogger<HighVoltageSafety>());
        }

        IsConnected = true;
        if (identify)
        {
            await Task.WhenAll(_instruments.Values.Select(i => ProbeAsync(i, cancellationToken))).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Puts the bench in its safe state: withstand output commanded off and confirmed, insulation tester
    /// stopped and the sample discharged (<see cref="HighVoltageSafety"/>). Retries; never throws. Returns true when the output is confirmed off.
    /// The withstand tester's health follows: unhealthy, with the reason, until a safe state is confirmed.
    /// </summary>
    public async Task<bool> MakeSafeAsync(string reason, CancellationToken cancellationToken = default)
    {
        if (!IsConnected || Safety is not { } safety)
        {
            return false;
        }

        var confirmed = await safety.MakeSafeAsync(reason, cancellationToken).ConfigureAwait(false);
        if (_instruments.TryGetValue(InstrumentRole.WithstandTester, out var hipot))
        {
            if (confirmed)
            {
                hipot.SafetyConfirmed(_time.GetUtcNow());
            }
            else
            {
                hipot.SafetyUnconfirmed($"high voltage not confirmed off ({reason}): {safety.LastConfirmation?.Error}");
            }
        }

        return confirmed;
    }

    /// <summary>Notes the last withstand status read.</summary>
    public void Observe(WithstandStatus status) => Safety?.Observe(status);

    /// <summary>Bench status for the API.</summary>
    public V1.BenchStatus Status()
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var status = new V1.BenchStatus
        {
            BenchId = BenchId,
            Mode = Mode,
            InterlockClosed = LastHighVoltageState.InterlockClosed,
            HighVoltageOn = LastHighVoltageState.OutputOn,
        };
        status.Instruments.AddRange(_instruments.Values.OrderBy(i => i.Role).Select(i => i.Status(today)));
        status.Simulated = IsEmbedded || status.Instruments.Any(i => SimulatorIdentity.Is(i.Identity));
        return status;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var line in _lines)
        {
            await line.DisposeAsync().ConfigureAwait(false);
        }

        if (Simulator is not null)
        {
            await Simulator.DisposeAsync().ConfigureAwait(false);
        }

        Safety?.Dispose();
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Embedded default: simulated bench (scenario {Scenario}, time scale {TimeScale}x) on pseudo-terminals under {Directory} and loopback TCP. No real instrument is driven.")]
    private static partial void LogEmbedded(ILogger logger, string scenario, double timeScale, string directory);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Instrument {Id} uses profile {Profile}, which is not verified against its manual ({Manual})")]
    private static partial void LogUnverifiedProfile(ILogger logger, string id, string profile, string manual);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Instrument {Id} does not answer: {Error}")]
    private static partial void LogNoAnswer(ILogger logger, string id, string error);
}
