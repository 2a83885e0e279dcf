using System.Net;
using CableTest.Service.Security;
using Microsoft.AspNetCore.Authorization;

namespace CableTest.Service.Telemetry;

/// <summary>
/// Who may read <c>/metrics</c>: any caller on a loopback address (a Prometheus or agent on the bench PC),
/// whatever <c>Auth:AllowAnonymousLoopback</c> says; from elsewhere, a caller authenticated with a role
/// (an API key or bearer token, as Prometheus' <c>authorization</c> setting sends one).
/// </summary>
internal static class ScrapePolicy
{
    public const string Name = "metrics-scrape";

    public static void Add(AuthorizationOptions options) => options.AddPolicy(Name, p => p.RequireAssertion(context =>
        (context.Resource is HttpContext http && http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip))
        || Roles.All.Any(context.User.IsInRole)));
}
