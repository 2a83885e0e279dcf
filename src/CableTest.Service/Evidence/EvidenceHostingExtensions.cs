using CableTest.Service.Grpc.Inputs;
using CableTest.Service.Security;

namespace CableTest.Service.Evidence;

/// <summary>Signed evidence: the signing key (created at the first start), <c>/evidence/{runId}.zip</c> and <c>/evidence/public-key.pem</c>.</summary>
public static class EvidenceHostingExtensions
{
    public static IHostApplicationBuilder AddCableTestEvidence(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.SigningKeyPath), "Evidence:SigningKeyPath must name the file of the bench's signing key")
            .ValidateOnStart();
        builder.Services.AddSingleton<BenchSigner>();
        builder.Services.AddSingleton<EvidenceExport>();
        builder.Services.AddHostedService<BenchSignerStartup>();
        return builder;
    }

    public static WebApplication MapCableTestEvidence(this WebApplication app)
    {
        app.MapGet("/evidence/public-key.pem", EvidenceEndpoint.PublicKey).RequireAuthorization(Policies.Read);
        app.MapGet("/evidence/anchors", EvidenceEndpoint.Anchors).RequireAuthorization(Policies.Read);
        app.MapGet("/evidence/{runId}.zip", EvidenceEndpoint.BundleAsync).AddEndpointFilter(RouteIdFilter.RunIdAsync).RequireAuthorization(Policies.Read);
        return app;
    }
}
