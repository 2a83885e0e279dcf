using CableTest.Instruments;
using CableTest.Instruments.Drivers;

namespace CableTest.Runs.Tests.Procedures.Fakes;

/// <summary>What every scripted instrument shares: the bench's call log and clock, and a fault to raise on the n-th read.</summary>
internal abstract class FakeInstrument(Bench bench, InstrumentRole role) : IInstrument
{
    protected Bench Bench { get; } = bench;

    public InstrumentRole Role => role;

    public string ProfileName => "fake";

    /// <summary>0-based read at which the instrument fails.</summary>
    public int? FailAtRead { get; set; }

    /// <summary>How it fails: a garbled reply (default) or silence until its own deadline.</summary>
    public Fault FailWith { get; set; } = Fault.Garbled;

    public int ReadCount { get; private set; }

    public Task<InstrumentIdentity> IdentifyAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new InstrumentIdentity("Fake", role.ToString(), "0", "0", "fake"));

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Counts a read and raises the scripted fault when it is due.</summary>
    protected async Task ReadingAsync(string call, CancellationToken cancellationToken)
    {
        Bench.Calls.Add(call);
        var n = ReadCount++;
        if (FailAtRead != n)
        {
            return;
        }

        if (FailWith == Fault.Garbled)
        {
            throw new InstrumentException($"garbled reply to read {n}: \"+1.2E+0#\\x15\"");
        }

        // Stops answering: the driver's own deadline passes, then it gives up.
        await Task.Delay(TimeSpan.FromSeconds(2), Bench.Time, cancellationToken).ConfigureAwait(false);
        throw new InstrumentTimeoutException($"no reply to read {n} within 2 s");
    }

    internal enum Fault
    {
        Garbled,
        Silent,
    }
}
