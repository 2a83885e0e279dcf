using CableTest.Instruments.Drivers;

namespace CableTest.Instruments.Tests.Safety;

/// <summary>An in-memory hipot: output-off fails the first <see cref="FailuresBeforeOff"/> times (or hangs), counts calls and overlap.</summary>
internal sealed class FakeWithstandTester : IWithstandTester, IDisposable
{
    private int _inside;

    public int FailuresBeforeOff { get; set; }

    public bool Hang { get; set; }

    public int OffCalls { get; private set; }

    public int MaxConcurrent { get; private set; }

    /// <summary>Released once per output-off call, as it begins.</summary>
    public SemaphoreSlim Entered { get; } = new(0);

    /// <summary>Output-off calls wait for this before answering, when set.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public InstrumentRole Role => InstrumentRole.WithstandTester;

    public void Dispose() => Entered.Dispose();

    public string ProfileName => "fake-hipot";

    public Task<InstrumentIdentity> IdentifyAsync(CancellationToken cancellationToken) => Task.FromResult(new InstrumentIdentity("Fake", "HV", "1", "1", ProfileName));

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ConfigureAsync(WithstandSettings settings, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<WithstandStatus> ReadStatusAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new WithstandStatus(WithstandState.Idle, WithstandOutcome.None, 0, 0, 0, null, null, true, false));

    public async Task OutputOffAsync(CancellationToken cancellationToken)
    {
        OffCalls++;
        var inside = Interlocked.Increment(ref _inside);
        MaxConcurrent = Math.Max(MaxConcurrent, inside);
        try
        {
            Entered.Release();
            if (Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            if (Hang)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }

            if (OffCalls <= FailuresBeforeOff)
            {
                throw new InstrumentTimeoutException($"no reply to output off (call {OffCalls})");
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }
}

/// <summary>An in-memory megohmmeter: counts stop/discharge calls, or fails them.</summary>
internal sealed class FakeInsulationTester : IInsulationTester
{
    public int DischargeCalls { get; private set; }

    public bool Fail { get; set; }

    public InstrumentRole Role => InstrumentRole.InsulationTester;

    public string ProfileName => "fake-megger";

    public Task<InstrumentIdentity> IdentifyAsync(CancellationToken cancellationToken) => Task.FromResult(new InstrumentIdentity("Fake", "IR", "1", "1", ProfileName));

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ConfigureAsync(InsulationTesterSettings settings, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<InsulationReading> ReadAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task StopAndDischargeAsync(CancellationToken cancellationToken)
    {
        DischargeCalls++;
        return Fail ? Task.FromException(new InvalidOperationException("discharge not confirmed")) : Task.CompletedTask;
    }
}
