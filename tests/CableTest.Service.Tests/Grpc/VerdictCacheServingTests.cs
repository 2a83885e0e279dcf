using System.Net;
using CableTest.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;

namespace CableTest.Service.Tests.Grpc;

/// <summary>
/// Cached verdicts served by the real service: over binary gRPC they are written from their cached encoding, over
/// JSON transcoding parsed from it, and both are the whole verdict, field by field the same, first read or cached.
/// </summary>
public sealed class VerdictCacheServingTests : IAsyncLifetime
{
    private static readonly JsonParser Json = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
    private readonly Metadata lims = InProcessService.ApiKey(InProcessService.LimsKey);
    private InProcessService service = null!;

    public async Task InitializeAsync()
    {
        service = await InProcessService.StartAsync(allowAnonymousLoopback: false);
        await VerdictSeeds.AppendAsync(service.Store, 1, 5);
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task GetVerdict_GrpcThenJson_SameWholeVerdict_FirstReadAndCached()
    {
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        var first = await client.GetVerdictAsync(new GetVerdictRequest { RunId = "R-00002" }, lims);
        var cached = await client.GetVerdictAsync(new GetVerdictRequest { RunId = "R-00002" }, lims);
        var json = await GetJsonAsync("/v1/verdicts:get?runId=R-00002", contentType: null);

        Assert.Single(first.Tests);
        Assert.NotEmpty(first.EvidenceJson);
        Assert.Equal("Li Wei", first.OperatorName);
        Assert.Equal(first, cached);
        Assert.Equal(first, Json.Parse<Verdict>(json));
    }

    [Fact]
    public async Task GetVerdict_JsonRouteSendingGrpcContentType_StillTheWholeVerdict()
    {
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        var viaGrpc = await client.GetVerdictAsync(new GetVerdictRequest { VerdictId = "V-00003" }, lims);

        var json = await GetJsonAsync("/v1/verdicts:get?verdictId=V-00003", contentType: "application/grpc");

        Assert.Equal(viaGrpc, Json.Parse<Verdict>(json));
        Assert.Single(viaGrpc.Tests);
    }

    [Fact]
    public async Task ListAndStream_Grpc_CachedVerdictsWhole_SameAsJsonPage()
    {
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        for (var n = 1; n <= 5; n++)
        {
            await client.GetVerdictAsync(new GetVerdictRequest { RunId = $"R-{n:D5}" }, lims);
        }

        var page = await client.ListVerdictsAsync(new ListVerdictsRequest(), lims);
        var jsonPage = Json.Parse<ListVerdictsResponse>(await GetJsonAsync("/v1/verdicts", contentType: null));
        using var stream = client.StreamVerdicts(new StreamVerdictsRequest { Subscriber = "cache-test", AfterSequence = 0, BacklogOnly = true }, lims);
        var streamed = new List<Verdict>();
        while (await stream.ResponseStream.MoveNext(CancellationToken.None))
        {
            streamed.Add(stream.ResponseStream.Current);
        }

        Assert.Equal(5, page.Verdicts.Count);
        Assert.All(page.Verdicts, v => Assert.Single(v.Tests));
        Assert.Equal(page.Verdicts, jsonPage.Verdicts);
        Assert.Equal(page.Verdicts, streamed);
    }

    private async Task<string> GetJsonAsync(string path, string? contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-api-key", InProcessService.LimsKey);
        if (contentType is not null)
        {
            request.Content = new ByteArrayContent([]);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await service.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return body;
    }
}
