namespace CableTest.Service.Evidence;

/// <summary>Loads or creates the signing key as the service starts, so a bad key path stops the start rather than the first export.</summary>
internal sealed class BenchSignerStartup(BenchSigner signer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = signer.Key;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
