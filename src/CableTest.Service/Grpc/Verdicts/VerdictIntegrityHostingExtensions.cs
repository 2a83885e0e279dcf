using CableTest.Service.Hosting;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>The verdict store's integrity: the chain monitor, the shared failure state and its health check.</summary>
internal static class VerdictIntegrityHostingExtensions
{
    public static IHostApplicationBuilder AddCableTestVerdictIntegrity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<VerdictIntegrityOptions>().BindConfiguration(VerdictIntegrityOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<VerdictIntegrityOptions>, VerdictIntegrityOptionsValidator>();
        builder.Services.AddSingleton<VerdictIntegrity>();
        builder.Services.AddHostedService<VerdictChainMonitor>();
        builder.Services.AddHealthChecks().AddCheck<VerdictIntegrityHealthCheck>("verdict-integrity", tags: [HealthTags.VerdictIntegrity]);
        return builder;
    }

    /// <summary>
    /// GET /v1/verdicts:integrity (any role): whether every verdict record read or chain-checked so far
    /// matches its hashes, how far the chain is verified, and the first record that did not match with the reason.
    /// </summary>
    public static WebApplication MapCableTestVerdictIntegrity(this WebApplication app)
    {
        app.MapGet("/v1/verdicts:integrity", (VerdictIntegrity integrity) => integrity.FirstFailure is { } f
                ? Results.Json(new { serving = false, verifiedThroughSequence = integrity.VerifiedThrough, firstFailure = new { sequence = f.Sequence, detail = f.Detail, foundBy = f.FoundBy } })
                : Results.Json(new { serving = true, verifiedThroughSequence = integrity.VerifiedThrough }))
            .RequireAuthorization(Security.Policies.Read);
        return app;
    }
}
