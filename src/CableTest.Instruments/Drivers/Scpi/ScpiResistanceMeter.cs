using CableTest.Instruments.Profiles;
using CableTest.Instruments.Scpi;
using CableTest.Protocols.Scpi;

namespace CableTest.Instruments.Drivers.Scpi;

/// <summary>A micro-ohmmeter driven by its SCPI profile.</summary>
public sealed class ScpiResistanceMeter(ScpiSession session, InstrumentProfile profile)
    : ScpiDriverBase(session, profile, InstrumentRole.ConductorResistanceMeter), IConductorResistanceMeter
{
    /// <inheritdoc />
    public Task ConfigureAsync(ResistanceMeterSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!double.IsFinite(settings.RangeOhm) || settings.RangeOhm <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.RangeOhm, "range must be a positive resistance in ohms");
        }

        return RunCommandsAsync("configure", new Dictionary<string, object>
        {
            ["range_ohm"] = settings.RangeOhm,
            ["four_wire"] = settings.FourWire,
            ["reverse"] = settings.ReverseCurrentAveraging,
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ResistanceReading> MeasureAsync(CancellationToken cancellationToken)
    {
        var reply = await QueryAsync("measure", cancellationToken).ConfigureAwait(false);
        if (!ScpiNumbers.TryParse(reply, out var value))
        {
            throw Bad("resistance reply is not a number", reply);
        }

        if (value.Kind != ScpiValueKind.Number)
        {
            return new ResistanceReading(double.NaN, OverRange: true, reply);
        }

        if (value.Value < 0)
        {
            throw Bad("negative resistance", reply);
        }

        return new ResistanceReading(value.Value, OverRange: false, reply);
    }
}
