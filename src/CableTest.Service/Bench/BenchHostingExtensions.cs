using CableTest.Service.Grpc.Bench;
using CableTest.Service.Hosting;
using CableTest.Service.Runs;
using CableTest.Service.Security;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Bench;

/// <summary>Composition of the bench, the run orchestrator and their endpoints.</summary>
public static class BenchHostingExtensions
{
    /// <summary>Registers the bench first among hosted services, so high voltage is confirmed off before anything else starts.</summary>
    public static IHostApplicationBuilder AddCableTestBench(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BenchOptions>().BindConfiguration(BenchOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BenchOptions>, BenchOptionsValidator>();
        services.AddSingleton<Bench>();
        services.AddSingleton<RunEventHub>();
        services.AddSingleton<RunOrchestrator>();
        services.AddSingleton<RunReplayer>();
        services.AddHostedService<BenchHostedService>();
        services.AddHealthChecks().AddCheck<InstrumentHealthCheck>("instruments", tags: [HealthTags.Instruments]);
        return builder;
    }

    /// <summary>Maps bench control (gRPC + JSON), replay and the run event stream for the dashboard (reports: ReportsHostingExtensions).</summary>
    public static WebApplication MapCableTestBench(this WebApplication app)
    {
        app.MapGrpcService<BenchControlService>();
        app.MapGrpcService<Grpc.Replay.ReplayRunService>();
        app.MapGet("/events/runs/{runId}", RunEventsEndpoint.StreamAsync).AddEndpointFilter(Grpc.Inputs.RouteIdFilter.RunIdAsync).RequireAuthorization(Policies.Read);
        return app;
    }
}
