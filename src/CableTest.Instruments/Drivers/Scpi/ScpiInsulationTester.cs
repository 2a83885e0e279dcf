using CableTest.Instruments.Profiles;
using CableTest.Instruments.Scpi;
using CableTest.Protocols.Scpi;

namespace CableTest.Instruments.Drivers.Scpi;

/// <summary>
/// A megohmmeter driven by its SCPI profile. An instrument that does not report the electrification time
/// (no elapsed_s field) is timed by CableTest's clock from the start command.
/// </summary>
public sealed class ScpiInsulationTester(ScpiSession session, InstrumentProfile profile, TimeProvider? time = null)
    : ScpiDriverBase(session, profile, InstrumentRole.InsulationTester), IInsulationTester
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long? _startedAt;

    /// <summary>How long to wait for the discharge confirmation.</summary>
    public TimeSpan DischargeTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public Task ConfigureAsync(InsulationTesterSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!double.IsFinite(settings.TestVoltageV) || settings.TestVoltageV <= 0 || settings.TestVoltageV > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.TestVoltageV, "test voltage must be within (0, 10000] V");
        }

        return RunCommandsAsync("configure", new Dictionary<string, object>
        {
            ["voltage_v"] = settings.TestVoltageV,
            ["electrification_s"] = settings.ElectrificationTime.TotalSeconds,
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RunCommandsAsync("start", new Dictionary<string, object>(), cancellationToken).ConfigureAwait(false);
        _startedAt = _time.GetTimestamp();
    }

    /// <inheritdoc />
    public async Task<InsulationReading> ReadAsync(CancellationToken cancellationToken)
    {
        var reply = await QueryAsync("read", cancellationToken).ConfigureAwait(false);
        var fields = ScpiReply.Fields(reply);
        var resistance = NumberField(fields, "resistance_ohm", reply, out var status);
        if (status == "invalid")
        {
            throw Bad("the instrument marks the reading invalid (its status prefix, e.g. zero check on, underflow, relative or limit reading)", reply);
        }

        var voltage = NumberField(fields, "voltage_v", reply).RequireReading("voltage");
        var elapsed = HasField("elapsed_s")
            ? NumberField(fields, "elapsed_s", reply).RequireReading("elapsed time")
            : _startedAt is { } started ? _time.GetElapsedTime(started).TotalSeconds : 0;
        if (resistance.Kind == ScpiValueKind.NotANumber || resistance.Kind == ScpiValueKind.NegativeOverflow)
        {
            throw Bad("no valid insulation reading", reply);
        }

        return resistance.Kind == ScpiValueKind.Overflow || status == "overflow"
            ? new InsulationReading(double.NaN, voltage, elapsed, OverRange: true)
            : new InsulationReading(resistance.Value, voltage, elapsed, OverRange: false);
    }

    /// <inheritdoc />
    public async Task StopAndDischargeAsync(CancellationToken cancellationToken)
    {
        await RunCommandsAsync("stop", new Dictionary<string, object>(), cancellationToken).ConfigureAwait(false);
        var expected = Scpi.Codes.TryGetValue("discharged", out var code) ? code : "1";
        var started = _time.GetTimestamp();
        while (true)
        {
            var reply = await QueryAsync("discharged", cancellationToken).ConfigureAwait(false);
            if (reply.Trim() == expected)
            {
                return;
            }

            if (_time.GetElapsedTime(started) > DischargeTimeout)
            {
                throw new InstrumentException($"{Profile.Name} on {Session.Line}: sample not confirmed discharged within {DischargeTimeout.TotalSeconds:0} s (last reply \"{reply}\")");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
