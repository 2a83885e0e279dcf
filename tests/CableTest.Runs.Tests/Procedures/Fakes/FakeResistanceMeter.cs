using CableTest.Instruments.Drivers;

namespace CableTest.Runs.Tests.Procedures.Fakes;

/// <summary>A micro-ohmmeter answering the scripted readings in turn (null: over range).</summary>
internal sealed class FakeResistanceMeter(Bench bench, params double?[] readingsOhm) : FakeInstrument(bench, InstrumentRole.ConductorResistanceMeter), IConductorResistanceMeter
{
    public List<ResistanceMeterSettings> Settings { get; } = [];

    public Task ConfigureAsync(ResistanceMeterSettings settings, CancellationToken cancellationToken)
    {
        Settings.Add(settings);
        Bench.Calls.Add($"configure {settings.RangeOhm:R} ohm");
        return Task.CompletedTask;
    }

    public async Task<ResistanceReading> MeasureAsync(CancellationToken cancellationToken)
    {
        await ReadingAsync("measure", cancellationToken).ConfigureAwait(false);
        var ohm = readingsOhm[(ReadCount - 1) % readingsOhm.Length];
        return ohm is { } r ? new ResistanceReading(r, false, r.ToString("R", System.Globalization.CultureInfo.InvariantCulture)) : new ResistanceReading(double.NaN, true, "+9.9E37");
    }
}
