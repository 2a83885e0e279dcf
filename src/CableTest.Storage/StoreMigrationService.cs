using CableTest.Storage.Runs;
using Microsoft.Extensions.Hosting;

namespace CableTest.Storage;

/// <summary>Applies the run store's schema migrations at start, before the service takes requests.</summary>
internal sealed class StoreMigrationService(IRunStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
