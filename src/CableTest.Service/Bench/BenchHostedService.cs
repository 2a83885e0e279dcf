using CableTest.Service.Runs;

namespace CableTest.Service.Bench;

/// <summary>
/// First thing at startup: connect the bench and command high voltage off (confirmed) before anything else
/// runs; close runs a crash left open. Last thing at shutdown: stop the active run and make the bench safe.
/// </summary>
internal sealed partial class BenchHostedService(Bench bench, RunOrchestrator orchestrator, CableTest.Storage.Runs.IRunStore store, ILogger<BenchHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await bench.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var safe = await bench.MakeSafeAsync("service start", cancellationToken).ConfigureAwait(false);
        LogStartup(logger, bench.Mode, safe);
        // Only now the store (its migration is idempotent; the storage service runs it again).
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await orchestrator.CloseInterruptedRunsAsync(safe, cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await orchestrator.ShutdownAsync().ConfigureAwait(false);
        await bench.MakeSafeAsync("service stop", CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Bench connected ({Mode}); high voltage confirmed off at start: {Safe}")]
    private static partial void LogStartup(ILogger logger, string mode, bool safe);
}
