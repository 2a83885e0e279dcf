using System.Net;
using System.Security.Claims;
using CableTest.Service.Telemetry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CableTest.Service.Tests.Telemetry;

/// <summary>Who may scrape /metrics, and that the endpoint is off unless configured.</summary>
public sealed class ScrapeEndpointTests
{
    [Theory]
    [InlineData("127.0.0.1", null, true)]
    [InlineData("::1", null, true)]
    [InlineData("192.0.2.10", null, false)]
    [InlineData("192.0.2.10", "lims", true)]
    [InlineData("192.0.2.10", "technician", true)]
    [InlineData(null, null, false)]
    public async Task ScrapePolicy_LoopbackOrAnyRole(string? remote, string? role, bool allowed)
    {
        var services = new ServiceCollection().AddLogging().AddAuthorization(ScrapePolicy.Add).BuildServiceProvider();
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = remote is null ? null : IPAddress.Parse(remote);
        var user = role is null
            ? new ClaimsPrincipal(new ClaimsIdentity())
            : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));
        var result = await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, http, ScrapePolicy.Name);
        Assert.Equal(allowed, result.Succeeded);
    }

    [Fact]
    public async Task Metrics_OffByDefault_NotServed()
    {
        await using var service = await InProcessService.StartAsync(true, Runs.RunOnSimulatedBenchTests.FastBench);
        using var response = await service.Http.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("--Telemetry:Otlp:Endpoint=collector:4317", "Telemetry:Otlp:Endpoint")]
    [InlineData("--Telemetry:Otlp:Protocol=udp", "Telemetry:Otlp:Protocol")]
    public void AddTelemetry_BadSetting_NamesTheKey(string setting, string key)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder([setting]);
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => builder.AddCableTestTelemetry());
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
