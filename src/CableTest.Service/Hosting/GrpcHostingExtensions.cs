using CableTest.Domain.Verdicts;
using CableTest.Service.Grpc;
using CableTest.Service.Grpc.Standards;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Service.Security;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Hosting;

/// <summary>
/// gRPC with the error-mapping interceptor, message limits, JSON transcoding (HTTP/1.1 routes from
/// the google.api.http annotations), reflection, health, and the verdict and standards services.
/// Further services (bench control, replay) are mapped beside these with <c>app.MapGrpcService&lt;T&gt;()</c>
/// and an <c>[Authorize(Policy = ...)]</c> on the class.
/// </summary>
public static class GrpcHostingExtensions
{
    public static IHostApplicationBuilder AddCableTestGrpc(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GrpcOptions>().BindConfiguration(GrpcOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GrpcOptions>, GrpcOptionsValidator>();
        services.AddSingleton<ErrorMappingInterceptor>();
        services.AddGrpc(o => o.Interceptors.Add<ErrorMappingInterceptor>())
            .AddJsonTranscoding(o => o.TypeRegistry = TypeRegistry.FromMessages(
                BadRequest.Descriptor, ResourceInfo.Descriptor, PreconditionFailure.Descriptor, ErrorInfo.Descriptor));
        StrictRequestParsing.Replace(services);
        // One body limit for gRPC and JSON: Kestrel refuses a request body over the gRPC message
        // limit (plus its 5-byte frame header), so a JSON route takes no more than gRPC does.
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<GrpcOptions>>((kestrel, ours) => kestrel.Limits.MaxRequestBodySize = ours.Value.MaxReceiveMessageSizeBytes + 5L);
        services.AddOptions<global::Grpc.AspNetCore.Server.GrpcServiceOptions>()
            .Configure<IOptions<GrpcOptions>>((grpc, ours) =>
            {
                grpc.MaxReceiveMessageSize = ours.Value.MaxReceiveMessageSizeBytes;
                grpc.MaxSendMessageSize = ours.Value.MaxSendMessageSizeBytes;
            });
        services.AddGrpcReflection();
        services.AddSingleton(VerdictEngine.Default);
        services.AddSingleton<StandardsService>();
        services.AddSingleton<VerdictCache>();
        services.AddSingleton<Grpc.Inspections.InspectionComparisons>();
        services.AddSingleton<Grpc.Inspections.SampleInspections>();
        services.AddOptions<Grpc.Risk.RiskOptions>().BindConfiguration(Grpc.Risk.RiskOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Grpc.Risk.RiskOptions>, Grpc.Risk.RiskOptionsValidator>();
        return builder;
    }

    public static WebApplication MapCableTestGrpc(this WebApplication app)
    {
        app.MapGrpcService<VerdictsService>();
        app.MapGrpcService<StandardsService>();
        app.MapGrpcService<Grpc.Inspections.InspectionsService>();
        app.MapGrpcService<Grpc.Risk.RisksService>();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        // Read from configuration, not IOptions: options are validated when the host starts, where a
        // bad setting is reported as such (StartupErrors), not while mapping endpoints.
        if (app.Configuration.GetValue($"{GrpcOptions.Section}:{nameof(GrpcOptions.EnableReflection)}", defaultValue: true))
        {
            app.MapGrpcReflectionService().RequireAuthorization(Policies.Read);
        }

        return app;
    }
}
