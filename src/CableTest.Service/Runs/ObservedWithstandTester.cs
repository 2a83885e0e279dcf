using CableTest.Instruments.Drivers;

namespace CableTest.Service.Runs;

/// <summary>The bench's withstand tester, every status it reads shown in the bench status (high voltage on, interlock).</summary>
internal sealed class ObservedWithstandTester(IWithstandTester inner, Bench.Bench bench) : IWithstandTester
{
    public InstrumentRole Role => inner.Role;

    public string ProfileName => inner.ProfileName;

    public Task<InstrumentIdentity> IdentifyAsync(CancellationToken cancellationToken) => inner.IdentifyAsync(cancellationToken);

    public Task ConfigureAsync(WithstandSettings settings, CancellationToken cancellationToken) => inner.ConfigureAsync(settings, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public async Task<WithstandStatus> ReadStatusAsync(CancellationToken cancellationToken)
    {
        var status = await inner.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
        bench.Observe(status);
        return status;
    }

    public Task OutputOffAsync(CancellationToken cancellationToken) => inner.OutputOffAsync(cancellationToken);
}
