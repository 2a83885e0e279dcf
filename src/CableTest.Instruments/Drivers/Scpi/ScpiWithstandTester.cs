using CableTest.Instruments.Profiles;
using CableTest.Instruments.Scpi;
using CableTest.Protocols.Scpi;

namespace CableTest.Instruments.Drivers.Scpi;

/// <summary>
/// A hipot tester driven by its SCPI profile. The status reply's words are mapped through the profile's
/// codes (e.g. "PASS" → pass, "TEST" → running); a word the profile does not know is an error, never a pass.
/// Interlock and output state come from the reply when the profile maps them, else from the status word; an
/// optional phase field tells ramp from dwell while the word says the test runs; without one, a running test
/// below 97 % of the programmed voltage counts as ramping.
/// </summary>
public sealed class ScpiWithstandTester(ScpiSession session, InstrumentProfile profile)
    : ScpiDriverBase(session, profile, InstrumentRole.WithstandTester), IWithstandTester
{
    /// <summary>Fraction of the programmed voltage at which a running test without a phase field counts as in its dwell.</summary>
    public const double DwellVoltageFraction = 0.97;

    private double? _programmedV;

    /// <inheritdoc />
    public Task ConfigureAsync(WithstandSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        WithstandSettingsValidation.Validate(settings);
        _programmedV = settings.VoltageKv * 1000;
        return RunCommandsAsync("configure", new Dictionary<string, object>
        {
            ["dc"] = settings.Kind == WithstandKind.Dc,
            ["voltage_kv"] = settings.VoltageKv,
            ["voltage_v"] = settings.VoltageKv * 1000,
            ["frequency_hz"] = settings.FrequencyHz,
            ["ramp_up_s"] = settings.RampUp.TotalSeconds,
            ["dwell_s"] = settings.Dwell.TotalSeconds,
            ["ramp_down_s"] = settings.RampDown.TotalSeconds,
            ["leakage_limit_ma"] = settings.LeakageLimitMa,
            ["leakage_limit_a"] = settings.LeakageLimitMa / 1000,
            ["arc"] = settings.ArcDetection,
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => RunCommandsAsync("start", new Dictionary<string, object>(), cancellationToken);

    /// <inheritdoc />
    public async Task<WithstandStatus> ReadStatusAsync(CancellationToken cancellationToken)
    {
        var reply = await QueryAsync("status", cancellationToken).ConfigureAwait(false);
        var fields = ScpiReply.Fields(reply);
        var word = Field(fields, "outcome", reply).Trim().Trim('>').Trim();
        if (!Scpi.Codes.TryGetValue(word, out var meaning))
        {
            throw Bad($"status word \"{word}\" is not in the profile's codes", reply);
        }

        var voltageV = NumberField(fields, "voltage_v", reply).RequireReading("output voltage");
        var leakage = NumberField(fields, "leakage_ma", reply).RequireReading("leakage current");
        var elapsed = NumberField(fields, "elapsed_s", reply).RequireReading("elapsed time");
        // A tester that does not report them: the interlock counts as closed unless the status word says the
        // test stopped on it, the output as on while the word says a test runs.
        var interlock = HasField("interlock") ? Flag(fields, "interlock", reply) : meaning != "interlock";
        var output = HasField("output") ? Flag(fields, "output", reply) : meaning == "running";
        var (state, outcome) = meaning switch
        {
            "running" => (WithstandState.Dwell, WithstandOutcome.None),
            "idle" => (WithstandState.Idle, WithstandOutcome.None),
            "pass" => (WithstandState.Complete, WithstandOutcome.Pass),
            "high" => (WithstandState.Stopped, WithstandOutcome.High),
            "low" => (WithstandState.Stopped, WithstandOutcome.Low),
            "arc" => (WithstandState.Stopped, WithstandOutcome.Arc),
            "breakdown" => (WithstandState.Stopped, WithstandOutcome.Breakdown),
            "interlock" => (WithstandState.Stopped, WithstandOutcome.Interlock),
            "aborted" => (WithstandState.Stopped, WithstandOutcome.Aborted),
            _ => throw Bad($"profile maps \"{word}\" to unknown meaning \"{meaning}\"", reply),
        };
        if (state == WithstandState.Dwell && HasField("phase"))
        {
            state = Phase(fields, reply);
        }
        else if (state == WithstandState.Dwell && _programmedV is { } programmedV && voltageV < DwellVoltageFraction * programmedV)
        {
            // No phase in the reply (Chroma reports TESTING through ramp, dwell and fall): below the programmed
            // level the output is ramping, and a ramp reading must not count as the voltage held in the dwell.
            state = WithstandState.RampUp;
        }

        var failed = outcome is WithstandOutcome.High or WithstandOutcome.Low or WithstandOutcome.Arc or WithstandOutcome.Breakdown;
        return new WithstandStatus(state, outcome, voltageV / 1000, leakage, elapsed, failed ? voltageV / 1000 : null, failed ? elapsed : null, interlock, output);
    }

    /// <inheritdoc />
    public async Task OutputOffAsync(CancellationToken cancellationToken)
    {
        await RunCommandsAsync("stop", new Dictionary<string, object>(), cancellationToken).ConfigureAwait(false);
        var status = await ReadStatusAsync(cancellationToken).ConfigureAwait(false);
        if (status.OutputOn)
        {
            throw new InstrumentException($"{Profile.Name} on {Session.Line}: output still on after the stop command");
        }
    }

    /// <summary>
    /// Which part of the program runs, from a phase word: the text before '=' in the field (GW Instek reports
    /// "R=012.3S" while ramping and "T=004.0S" while testing), mapped through the codes to ramp_up, dwell or ramp_down.
    /// </summary>
    private WithstandState Phase(IReadOnlyList<string> fields, string reply)
    {
        var text = Field(fields, "phase", reply).Trim();
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var word = (equals < 0 ? text : text[..equals]).Trim();
        return Scpi.Codes.TryGetValue(word, out var phase) switch
        {
            true when phase == "ramp_up" => WithstandState.RampUp,
            true when phase == "dwell" => WithstandState.Dwell,
            true when phase == "ramp_down" => WithstandState.RampDown,
            _ => throw Bad($"phase word \"{word}\" is not ramp_up, dwell or ramp_down in the profile's codes", reply),
        };
    }

    private bool Flag(IReadOnlyList<string> fields, string name, string reply)
    {
        var text = Field(fields, name, reply).Trim();
        return text switch
        {
            "1" or "ON" or "CLOSED" => true,
            "0" or "OFF" or "OPEN" => false,
            _ => throw Bad($"{name} must be 1/0, ON/OFF or CLOSED/OPEN", reply),
        };
    }
}
