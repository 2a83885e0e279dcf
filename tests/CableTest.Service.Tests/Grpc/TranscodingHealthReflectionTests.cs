using System.Net;
using System.Text;
using System.Text.Json;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace CableTest.Service.Tests.Grpc;

/// <summary>HTTP/1.1 JSON routes (on the same port as gRPC), grpc.health.v1 and server reflection.</summary>
public sealed class TranscodingHealthReflectionTests : IAsyncLifetime
{
    private InProcessService service = null!;

    public async Task InitializeAsync()
    {
        service = await InProcessService.StartAsync(allowAnonymousLoopback: false);
        await VerdictSeeds.AppendAsync(service.Store, 1, 5);
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task JsonListVerdicts_Http11_Proto3JsonWithFilters()
    {
        using var response = await SendAsync(HttpMethod.Get, "/v1/verdicts?sampleId=S-2&pageSize=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(1, 1), response.Version);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var verdict = doc.RootElement.GetProperty("verdicts")[0];
        Assert.Equal("V-00002", verdict.GetProperty("verdictId").GetString());
        Assert.Equal("OUTCOME_PASS", verdict.GetProperty("outcome").GetString());
        Assert.Equal("2", verdict.GetProperty("sequence").ToString());
        Assert.NotEmpty(doc.RootElement.GetProperty("nextPageToken").GetString()!);
    }

    [Fact]
    public async Task JsonGetVerdict_UnknownRun_404WithStatusJson()
    {
        using var response = await SendAsync(HttpMethod.Get, "/v1/verdicts:get?runId=R-404");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(5, doc.RootElement.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task JsonEvaluate_BadRequest_400WithFieldViolations()
    {
        using var response = await SendAsync(HttpMethod.Post, "/v1/standards:evaluate", """{"voltageWithstand":{"ratedVoltage":"lots","voltageKind":"AC","appliedKv":2.5,"heldS":300}}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var details = doc.RootElement.GetProperty("details")[0];
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", details.GetProperty("@type").GetString());
        Assert.Equal("voltage_withstand.rated_voltage", details.GetProperty("fieldViolations")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task JsonEvaluate_Conductor_Verdict()
    {
        using var response = await SendAsync(HttpMethod.Post, "/v1/standards:evaluate",
            """{"conductorResistance":{"conductor":{"conductorClass":1,"material":"Cu","crossSectionMm2":2.5},"measuredResistanceOhm":0.07,"lengthM":10,"conductorTemperatureC":20}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("OUTCOME_PASS", doc.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task HealthCheck_NoCredentials_ServingForEveryMappedService()
    {
        var health = new Health.HealthClient(service.Channel);
        foreach (var name in new[] { "", "liveness", "cabletest.v1.VerdictService", "cabletest.v1.StandardsService" })
        {
            var reply = await health.CheckAsync(new HealthCheckRequest { Service = name });
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        }
    }

    [Fact]
    public async Task Reflection_ListServices_OurServicesAndHealth()
    {
        var reflection = new ServerReflection.ServerReflectionClient(service.Channel);
        using var call = reflection.ServerReflectionInfo(InProcessService.ApiKey(InProcessService.LimsKey));
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("cabletest.v1.VerdictService", names);
        Assert.Contains("cabletest.v1.StandardsService", names);
        Assert.Contains("grpc.health.v1.Health", names);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-api-key", InProcessService.LimsKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await service.Http.SendAsync(request);
    }
}
