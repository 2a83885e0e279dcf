using CableTest.Instruments.Drivers;

namespace CableTest.Runs.Tests.Procedures.Fakes;

/// <summary>
/// A hipot tester running its program on the bench's fake time: ramp up, dwell, ramp down, complete (pass), unless
/// the script trips it (breakdown) or opens the interlock during the dwell.
/// </summary>
internal sealed class FakeWithstandTester(Bench bench) : FakeInstrument(bench, InstrumentRole.WithstandTester), IWithstandTester
{
    private DateTimeOffset? _started;

    public WithstandSettings? Settings { get; private set; }

    /// <summary>Interlock state answered before the start, in turn (then closed).</summary>
    public Queue<bool> InterlockBeforeStart { get; } = new();

    /// <summary>Output during the dwell as a fraction of the programmed voltage.</summary>
    public double VoltageFactor { get; set; } = 1;

    public double LeakageMa { get; set; } = 1.2;

    /// <summary>The sample breaks down this far into the dwell.</summary>
    public double? BreakdownAtDwellS { get; set; }

    /// <summary>The cage door opens this far into the dwell.</summary>
    public double? InterlockOpensAtDwellS { get; set; }

    /// <summary>Replaces the status of the n-th read after the start (0-based), e.g. with a NaN.</summary>
    public Func<int, WithstandStatus, WithstandStatus> Tamper { get; set; } = (_, s) => s;

    public int OutputOffs { get; private set; }

    public Task ConfigureAsync(WithstandSettings settings, CancellationToken cancellationToken)
    {
        Settings = settings;
        Bench.Calls.Add($"configure {settings.Kind} {settings.VoltageKv} kV");
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = Bench.Time.GetUtcNow();
        Bench.Calls.Add("start");
        return Task.CompletedTask;
    }

    public async Task<WithstandStatus> ReadStatusAsync(CancellationToken cancellationToken)
    {
        await ReadingAsync("status", cancellationToken).ConfigureAwait(false);
        if (_started is not { } started)
        {
            PreStartReads++;
            var closed = InterlockBeforeStart.Count == 0 || InterlockBeforeStart.Dequeue();
            return new WithstandStatus(WithstandState.Idle, WithstandOutcome.None, 0, 0, 0, null, null, closed, false);
        }

        var s = Settings!;
        var (ramp, dwell, down) = (s.RampUp.TotalSeconds, s.Dwell.TotalSeconds, s.RampDown.TotalSeconds);
        var t = Math.Round((Bench.Time.GetUtcNow() - started).TotalSeconds, 3);
        var kv = s.VoltageKv * VoltageFactor;
        WithstandStatus status;
        if (t < ramp)
        {
            status = new(WithstandState.RampUp, WithstandOutcome.None, kv * t / ramp, LeakageMa * t / ramp, t, null, null, true, true);
        }
        else if (BreakdownAtDwellS is { } bd && t - ramp >= bd)
        {
            status = new(WithstandState.Stopped, WithstandOutcome.Breakdown, 0, 0, bd, kv, ramp + bd, true, false);
        }
        else if (InterlockOpensAtDwellS is { } open && t - ramp >= open)
        {
            status = new(WithstandState.Stopped, WithstandOutcome.Interlock, 0, 0, open, null, null, false, false);
        }
        else if (t < ramp + dwell)
        {
            status = new(WithstandState.Dwell, WithstandOutcome.None, kv, LeakageMa, t - ramp, null, null, true, true);
        }
        else if (t < ramp + dwell + down)
        {
            status = new(WithstandState.RampDown, WithstandOutcome.None, kv * (ramp + dwell + down - t) / down, LeakageMa / 2, t - ramp - dwell, null, null, true, true);
        }
        else
        {
            status = new(WithstandState.Complete, WithstandOutcome.Pass, 0, 0, dwell, null, null, true, false);
        }

        return Tamper(ReadCount - 1 - PreStartReads, status);
    }

    /// <summary>Reads made before the start (not counted by <see cref="Tamper"/>).</summary>
    public int PreStartReads { get; private set; }

    public Task OutputOffAsync(CancellationToken cancellationToken)
    {
        OutputOffs++;
        Bench.Calls.Add("output off");
        return Task.CompletedTask;
    }
}
