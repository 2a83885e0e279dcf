using CableTest.Contracts.V1;
using Grpc.Core;

namespace CableTest.Service.Tests.Grpc;

/// <summary>The embedded default: callers without credentials on loopback get the configured roles.</summary>
public sealed class AnonymousLoopbackTests : IAsyncLifetime
{
    private InProcessService service = null!;

    public async Task InitializeAsync() =>
        service = await InProcessService.StartAsync(allowAnonymousLoopback: true, "--Auth:AnonymousRoles:0=technician");

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task ListVerdicts_AnonymousOnLoopback_Allowed()
    {
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        var page = await client.ListVerdictsAsync(new ListVerdictsRequest());
        Assert.Empty(page.Verdicts);
    }

    [Fact]
    public async Task AcknowledgeVerdicts_AnonymousWithTechnicianRole_PermissionDenied()
    {
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.AcknowledgeVerdictsAsync(new AcknowledgeVerdictsRequest { Subscriber = "x", UpToSequence = 0 }));
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
    }

    [Fact]
    public async Task ListVerdicts_WrongKeyEvenOnLoopback_Unauthenticated()
    {
        // A presented credential is judged as such; a bad one does not fall back to anonymous.
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ListVerdictsAsync(new ListVerdictsRequest(), InProcessService.ApiKey("wrong-key-wrong-key-wrong")));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task JsonRoute_AnonymousOverHttp1OnLoopback_Allowed()
    {
        // Through the cleartext port router: the HTTP/1.1 side must still see the loopback peer.
        var json = await service.Http.GetStringAsync("/v1/standards");
        Assert.Contains("catalogueVersion", json, StringComparison.Ordinal);
    }
}
