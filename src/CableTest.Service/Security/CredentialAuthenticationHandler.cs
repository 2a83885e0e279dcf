using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Security;

/// <summary>
/// Authenticates <c>x-api-key</c> and <c>authorization: Bearer</c> callers against configuration,
/// and anonymous loopback callers when the embedded default allows them. Secrets are never logged.
/// </summary>
internal sealed partial class CredentialAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    CredentialStore credentials,
    IOptionsMonitor<AuthOptions> authOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "CableTestCredentials";
    public const string ApiKeyHeader = "x-api-key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.TryGetValue(ApiKeyHeader, out var key) && key.Count > 0)
        {
            var found = credentials.FindApiKey(key.ToString());
            return Task.FromResult(found is null ? Reject("api-key") : Accept(found.Name, found.Roles, "api-key"));
        }

        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var found = credentials.FindBearerToken(authorization["Bearer ".Length..].Trim());
            return Task.FromResult(found is null ? Reject("bearer") : Accept(found.Name, found.Roles, "bearer"));
        }

        var options = authOptions.CurrentValue;
        if (options.AllowAnonymousLoopback && Context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip))
        {
            // The default (no AnonymousRoles configured) grants every role but not the sight of sealed sampling records:
            // the bench PC's dashboard is the technician's station. Naming a sealed role in Auth:AnonymousRoles grants it.
            return Task.FromResult(Accept("anonymous-loopback", options.EffectiveAnonymousRoles, "anonymous-loopback", seesSampling: options.AnonymousRoles.Count > 0));
        }

        return Task.FromResult(AuthenticateResult.NoResult());
    }

    private AuthenticateResult Reject(string kind)
    {
        LogRejected(Logger, kind, Context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return AuthenticateResult.Fail($"unknown {kind} credential");
    }

    private AuthenticateResult Accept(string name, IEnumerable<string> roles, string kind, bool seesSampling = true)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new("cabletest:credential", kind) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (seesSampling && roles.Any(Roles.Sealed.Contains))
        {
            claims.Add(new Claim(CallerRoles.SeesSamplingClaim, "true"));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Rejected a {Kind} credential from {Remote}")]
    private static partial void LogRejected(ILogger logger, string kind, string remote);
}
