using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>Unhealthy, with the sequence and reason, once a verdict record was found not to match its hashes.</summary>
internal sealed class VerdictIntegrityHealthCheck(VerdictIntegrity integrity) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(integrity.FirstFailure is { } f
            ? HealthCheckResult.Unhealthy($"verdict record at sequence {f.Sequence} does not match its hashes ({f.FoundBy}): {f.Detail}")
            : HealthCheckResult.Healthy(integrity.VerifiedThrough > 0 ? $"verdict chain verified through sequence {integrity.VerifiedThrough}" : "verdict chain check pending"));
}
