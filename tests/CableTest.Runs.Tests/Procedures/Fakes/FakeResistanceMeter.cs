using CableTest.Instruments.Drivers;

namespace CableTest.Runs.Tests.Procedures.Fakes;

/// <summary>A micro-ohmmeter answering the scripted readings in turn (null: over range).</summary>
internal sealed class FakeResistanceMeter(Bench bench, params double?[] readingsOhm) : FakeInstrument(bench, InstrumentRole.ConductorResistanceMeter), IConductorResistanceMeter
{
    public List<ResistanceMeterSettings> Settings { get; } = [];

    /// <summary>How long each measurement takes on the bench's clock (zero: answered at once).</summary>
    public TimeSpan MeasureTime { get; init; }

    public Task ConfigureAsync(ResistanceMeterSettings settings, CancellationToken cancellationToken)
    {
        Settings.Add(settings);
        Bench.Calls.Add($"configure {settings.RangeOhm:R} ohm");
        return Task.CompletedTask;
    }

    public async Task<ResistanceReading> MeasureAsync(CancellationToken cancellationToken)
    {
        if (MeasureTime > TimeSpan.Zero)
        {
            await Task.Delay(MeasureTime, Bench.Time, cancellationToken).ConfigureAwait(false);
        }

        await ReadingAsync("measure", cancellationToken).ConfigureAwait(false);
        var ohm = readingsOhm[(ReadCount - 1) % readingsOhm.Length];
        return ohm is { } r ? new ResistanceReading(r, false, r.ToString("R", System.Globalization.CultureInfo.InvariantCulture)) : new ResistanceReading(double.NaN, true, "+9.9E37");
    }
}
