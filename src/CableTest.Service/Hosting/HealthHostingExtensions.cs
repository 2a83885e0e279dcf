using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CableTest.Service.Hosting;

/// <summary>
/// grpc.health.v1: "" is every check; <c>cabletest.v1.VerdictService</c> the storage checks and the verdict store's integrity;
/// <c>cabletest.v1.BenchService</c> the storage and instrument checks; <c>cabletest.v1.StandardsService</c>
/// and <c>liveness</c> only that the process answers. Add an instrument check with
/// <c>builder.Services.AddHealthChecks().AddCheck&lt;T&gt;(name, tags: [HealthTags.Instruments])</c>.
/// </summary>
public static class HealthHostingExtensions
{
    public const string LivenessService = "liveness";

    /// <summary>A check that only says the process answers (a service with no check of its own reports UNKNOWN).</summary>
    private const string ProcessTag = "process";

    public static IHostApplicationBuilder AddCableTestHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpcHealthChecks(o =>
        {
            o.Services.Map("", _ => true);
            o.Services.Map(LivenessService, c => c.Tags.Contains(ProcessTag));
            o.Services.Map("cabletest.v1.VerdictService", c => c.Tags.Contains(HealthTags.Storage) || c.Tags.Contains(HealthTags.VerdictIntegrity));
            o.Services.Map("cabletest.v1.StandardsService", c => c.Tags.Contains(ProcessTag));
            o.Services.Map("cabletest.v1.BenchService", c => c.Tags.Contains(HealthTags.Storage) || c.Tags.Contains(HealthTags.Instruments));
        })
            .AddCheck("process", () => HealthCheckResult.Healthy("answering"), tags: [ProcessTag])
            .AddCheck<StorageHealthCheck>("run-store", tags: [HealthTags.Storage]);
        return builder;
    }
}
