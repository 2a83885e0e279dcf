using CableTest.Contracts.V1;
using Grpc.Core;

namespace CableTest.Service.Tests.Grpc;

/// <summary>Credentials and roles on a service that refuses anonymous callers (the production shape).</summary>
public sealed class AuthorizationTests : IAsyncLifetime
{
    private InProcessService service = null!;

    public async Task InitializeAsync()
    {
        service = await InProcessService.StartAsync(allowAnonymousLoopback: false);
        await VerdictSeeds.AppendAsync(service.Store, 1, 3);
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task ListVerdicts_NoCredentials_Unauthenticated()
    {
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        var e = await Assert.ThrowsAsync<RpcException>(async () => await client.ListVerdictsAsync(new ListVerdictsRequest()));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task ListVerdicts_UnknownApiKey_Unauthenticated()
    {
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ListVerdictsAsync(new ListVerdictsRequest(), InProcessService.ApiKey("not-a-key-of-this-service")));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Theory]
    [InlineData(InProcessService.LimsKey)]
    [InlineData(InProcessService.TechnicianKey)]
    [InlineData(InProcessService.EngineerKey)]
    public async Task ListVerdicts_AnyRole_Allowed(string key)
    {
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        var page = await client.ListVerdictsAsync(new ListVerdictsRequest(), InProcessService.ApiKey(key));
        Assert.Equal(3, page.Verdicts.Count);
    }

    [Fact]
    public async Task AcknowledgeVerdicts_Technician_PermissionDenied()
    {
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        var e = await Assert.ThrowsAsync<RpcException>(async () => await client.AcknowledgeVerdictsAsync(
            new AcknowledgeVerdictsRequest { Subscriber = "lims-main", UpToSequence = 1 }, InProcessService.ApiKey(InProcessService.TechnicianKey)));
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
    }

    [Fact]
    public async Task AcknowledgeVerdicts_LimsAndEngineerBearer_Allowed()
    {
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        var lims = await client.AcknowledgeVerdictsAsync(
            new AcknowledgeVerdictsRequest { Subscriber = "lims-auth", UpToSequence = 2 }, InProcessService.ApiKey(InProcessService.LimsKey));
        Assert.Equal(2UL, lims.AcknowledgedSequence);
        var bearer = new Metadata { { "authorization", "Bearer " + InProcessService.EngineerToken } };
        var engineer = await client.AcknowledgeVerdictsAsync(new AcknowledgeVerdictsRequest { Subscriber = "lims-auth", UpToSequence = 1 }, bearer);
        Assert.Equal(2UL, engineer.AcknowledgedSequence);
    }

    [Fact]
    public async Task Evaluate_NoCredentials_Unauthenticated()
    {
        var client = new StandardsService.StandardsServiceClient(service.Channel);
        var e = await Assert.ThrowsAsync<RpcException>(async () => await client.ListStandardsAsync(new ListStandardsRequest()));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task JsonRoute_NoCredentials_401AndWithKey_200()
    {
        using var anonymous = await service.Http.GetAsync("/v1/verdicts");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/verdicts");
        request.Headers.Add("x-api-key", InProcessService.LimsKey);
        using var keyed = await service.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, keyed.StatusCode);
    }

    [Fact]
    public async Task JsonRoute_TechnicianAcknowledges_403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/verdicts:acknowledge")
        {
            Content = new StringContent("""{"subscriber":"lims-x","upToSequence":"1"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", InProcessService.TechnicianKey);
        using var response = await service.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_NoCredentials_ServedStatically()
    {
        var html = await service.Http.GetStringAsync("/");
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
    }
}
