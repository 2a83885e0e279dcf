using CableTest.Service.Grpc.Inputs;
using CableTest.Service.Security;

namespace CableTest.Service.Dashboard;

/// <summary>The dashboard's reads beside its static files (wwwroot).</summary>
internal static class DashboardHostingExtensions
{
    public static WebApplication MapCableTestDashboard(this WebApplication app)
    {
        app.MapGet("/dashboard/runs/{runId}/readings", DashboardEndpoints.ReadingsAsync).AddEndpointFilter(RouteIdFilter.RunIdAsync).RequireAuthorization(Policies.Read);
        app.MapGet("/dashboard/runs/{runId}/results", DashboardEndpoints.ResultsAsync).AddEndpointFilter(RouteIdFilter.RunIdAsync).RequireAuthorization(Policies.Read);
        return app;
    }
}
