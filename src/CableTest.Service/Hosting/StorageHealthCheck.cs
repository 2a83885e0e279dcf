using CableTest.Storage.Runs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CableTest.Service.Hosting;

/// <summary>Healthy when the run store answers a ping.</summary>
internal sealed class StorageHealthCheck(IRunStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.PingAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{store.Kind} store answers")
                : HealthCheckResult.Unhealthy($"{store.Kind} store does not answer");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{store.Kind} store failed: {e.Message}");
        }
    }
}
