using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CableTest.Service.Bench;

/// <summary>Instrument health for grpc.health.v1: degraded when an instrument's last exchange failed or the withstand tester's output was not confirmed off, saying why.</summary>
internal sealed class InstrumentHealthCheck(Bench bench) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!bench.IsConnected)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("bench not connected"));
        }

        var failing = bench.Instruments.Where(i => !i.Healthy).Select(i => i.Problem is { Length: > 0 } why ? $"{i.Id} ({why})" : i.Id).ToList();
        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy($"{bench.Instruments.Count} instruments answering ({bench.Mode})")
            : HealthCheckResult.Degraded("not healthy: " + string.Join(", ", failing)));
    }
}
