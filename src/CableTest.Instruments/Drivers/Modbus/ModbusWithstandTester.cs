using CableTest.Instruments.Modbus;
using CableTest.Instruments.Profiles;

namespace CableTest.Instruments.Drivers.Modbus;

/// <summary>
/// A hipot tester driven by its register map: the program in holding registers, a command register,
/// the live state in input registers. A state or outcome code the profile does not name is an error.
/// </summary>
public sealed class ModbusWithstandTester(IModbusMaster master, byte unitId, InstrumentProfile profile)
    : ModbusDriverBase(master, unitId, profile, InstrumentRole.WithstandTester), IWithstandTester
{
    private static readonly string[] StatusPoints =
        ["state", "outcome", "output_voltage_v", "leakage_ma", "elapsed_s", "failure_voltage_v", "failure_time_s", "interlock_closed", "output_on"];

    /// <inheritdoc />
    public async Task ConfigureAsync(WithstandSettings settings, CancellationToken cancellationToken)
    {
        WithstandSettingsValidation.Validate(settings);
        await WritePointAsync("mode", Code(settings.Kind == WithstandKind.Dc ? "mode_dc" : "mode_ac"), cancellationToken).ConfigureAwait(false);
        await WritePointAsync("frequency_hz", settings.FrequencyHz, cancellationToken).ConfigureAwait(false);
        await WritePointAsync("voltage_v", settings.VoltageKv * 1000, cancellationToken).ConfigureAwait(false);
        await WritePointAsync("ramp_up_s", settings.RampUp.TotalSeconds, cancellationToken).ConfigureAwait(false);
        await WritePointAsync("dwell_s", settings.Dwell.TotalSeconds, cancellationToken).ConfigureAwait(false);
        await WritePointAsync("ramp_down_s", settings.RampDown.TotalSeconds, cancellationToken).ConfigureAwait(false);
        await WritePointAsync("leakage_limit_ma", settings.LeakageLimitMa, cancellationToken).ConfigureAwait(false);
        await WritePointAsync("arc_detection", settings.ArcDetection ? 1 : 0, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => WritePointAsync("command", Code("command_start"), cancellationToken);

    /// <inheritdoc />
    public async Task<WithstandStatus> ReadStatusAsync(CancellationToken cancellationToken)
    {
        var v = await ReadPointsAsync(StatusPoints, cancellationToken).ConfigureAwait(false);
        var state = Decode<WithstandState>("state", (int)v["state"]);
        var outcome = Decode<WithstandOutcome>("outcome", (int)v["outcome"]);
        var failed = outcome is WithstandOutcome.High or WithstandOutcome.Low or WithstandOutcome.Arc or WithstandOutcome.Breakdown;
        return new WithstandStatus(
            state,
            outcome,
            v["output_voltage_v"] / 1000,
            v["leakage_ma"],
            v["elapsed_s"],
            failed ? v["failure_voltage_v"] / 1000 : null,
            failed ? v["failure_time_s"] : null,
            v["interlock_closed"] != 0,
            v["output_on"] != 0);
    }

    /// <inheritdoc />
    public async Task OutputOffAsync(CancellationToken cancellationToken)
    {
        await WritePointAsync("command", Code("command_stop"), cancellationToken).ConfigureAwait(false);
        var status = await ReadStatusAsync(cancellationToken).ConfigureAwait(false);
        if (status.OutputOn)
        {
            throw new InstrumentException($"{Profile.Name} unit {UnitId} on {Master.LineName}: output still on after the stop command");
        }
    }

    private T Decode<T>(string kind, int raw)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            var name = kind + "_" + SnakeCase(value.ToString());
            if (Map.Codes.TryGetValue(name, out var code) && code == raw)
            {
                return value;
            }
        }

        throw new InstrumentException($"{Profile.Name} unit {UnitId} on {Master.LineName}: {kind} code {raw} is not in the profile");
    }

    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
