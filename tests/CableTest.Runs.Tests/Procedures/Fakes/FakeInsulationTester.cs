using CableTest.Instruments.Drivers;

namespace CableTest.Runs.Tests.Procedures.Fakes;

/// <summary>
/// A megohmmeter whose clock is the bench's fake time: after start, electrification time is the time since start
/// and the resistance follows <see cref="ResistanceOhmAt"/> (null: over range).
/// </summary>
internal sealed class FakeInsulationTester(Bench bench) : FakeInstrument(bench, InstrumentRole.InsulationTester), IInsulationTester
{
    private DateTimeOffset? _started;

    public InsulationTesterSettings? Settings { get; private set; }

    /// <summary>Polarisation: resistance rising with electrification time (default 500 MΩ → 1 GΩ over the first minute).</summary>
    public Func<double, double?> ResistanceOhmAt { get; set; } = t => 500e6 * (1 + (Math.Min(t, 60) / 60));

    /// <summary>Applied voltage as a fraction of the programmed one.</summary>
    public double VoltageFactor { get; set; } = 1;

    /// <summary>The instrument's own clock stops here (electrification never completes).</summary>
    public double? ClockStopsAtS { get; set; }

    public int Discharges { get; private set; }

    public Task ConfigureAsync(InsulationTesterSettings settings, CancellationToken cancellationToken)
    {
        Settings = settings;
        Bench.Calls.Add($"configure {settings.TestVoltageV} V {settings.ElectrificationTime.TotalSeconds} s");
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = Bench.Time.GetUtcNow();
        Bench.Calls.Add("start");
        return Task.CompletedTask;
    }

    public async Task<InsulationReading> ReadAsync(CancellationToken cancellationToken)
    {
        await ReadingAsync("read", cancellationToken).ConfigureAwait(false);
        var t = Math.Round((Bench.Time.GetUtcNow() - _started!.Value).TotalSeconds, 3);
        t = ClockStopsAtS is { } stop ? Math.Min(t, stop) : t;
        var ohm = ResistanceOhmAt(t);
        var v = Settings!.TestVoltageV * VoltageFactor;
        return ohm is { } r ? new InsulationReading(r, v, t, false) : new InsulationReading(double.NaN, v, t, true);
    }

    public Task StopAndDischargeAsync(CancellationToken cancellationToken)
    {
        Discharges++;
        Bench.Calls.Add("discharge");
        return Task.CompletedTask;
    }
}
