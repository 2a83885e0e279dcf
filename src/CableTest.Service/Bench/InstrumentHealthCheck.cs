using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CableTest.Service.Bench;

/// <summary>Instrument health for grpc.health.v1: degraded when an instrument's last exchange failed.</summary>
internal sealed class InstrumentHealthCheck(Bench bench) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!bench.IsConnected)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("bench not connected"));
        }

        var failing = bench.Instruments.Where(i => !i.Healthy).Select(i => i.Id).ToList();
        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy($"{bench.Instruments.Count} instruments answering ({bench.Mode})")
            : HealthCheckResult.Degraded("not answering: " + string.Join(", ", failing)));
    }
}
