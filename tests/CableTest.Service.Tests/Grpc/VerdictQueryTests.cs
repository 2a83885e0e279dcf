using CableTest.Contracts.V1;
using CableTest.Storage.Runs;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace CableTest.Service.Tests.Grpc;

/// <summary>GetVerdict and ListVerdicts over gRPC: mapping, filters, pages, validation and NOT_FOUND.</summary>
public sealed class VerdictQueryTests : IAsyncLifetime
{
    private const int Seeded = 25;
    private InProcessService service = null!;
    private List<StoredVerdict> stored = [];
    private VerdictService.VerdictServiceClient client = null!;
    private readonly Metadata lims = InProcessService.ApiKey(InProcessService.LimsKey);

    public async Task InitializeAsync()
    {
        service = await InProcessService.StartAsync(allowAnonymousLoopback: false);
        stored = await VerdictSeeds.AppendAsync(service.Store, 1, Seeded);
        client = new VerdictService.VerdictServiceClient(service.Channel);
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task GetVerdict_ByRunId_FullEvidenceAndHashes()
    {
        var v = await client.GetVerdictAsync(new GetVerdictRequest { RunId = "R-00007" }, lims);
        var expected = VerdictSeeds.Make(7);
        Assert.Equal("V-00007", v.VerdictId);
        Assert.Equal(7UL, v.Sequence);
        Assert.Equal(expected.OperatorName, v.OperatorName);
        Assert.Equal(expected.ProductSpec, v.ProductSpec);
        Assert.Equal(Outcome.Pass, v.Outcome);
        var test = Assert.Single(v.Tests);
        Assert.Equal(TestKind.ConductorResistance, test.Kind);
        Assert.Equal("IEC 60228 / GB/T 3956", test.Reference.Standard);
        Assert.Equal(expected.Tests[0].ConductorResistance.R20OhmPerKm, test.ConductorResistance.R20OhmPerKm);
        Assert.Equal("ohmmeter-1", test.Instruments[0].InstrumentId);
        Assert.Equal(stored[6].ContentSha256, v.ContentSha256);
        Assert.Equal(stored[5].ChainSha256, v.PreviousSha256);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(v.EvidenceJson))), v.ContentSha256);
    }

    [Fact]
    public async Task GetVerdict_BySampleId_Latest()
    {
        var v = await client.GetVerdictAsync(new GetVerdictRequest { SampleId = "S-1" }, lims);
        Assert.Equal(VerdictSeeds.Id(25), v.VerdictId);
    }

    [Fact]
    public async Task GetVerdict_ByVerdictId_Found()
    {
        var v = await client.GetVerdictAsync(new GetVerdictRequest { VerdictId = "V-00003" }, lims);
        Assert.Equal("R-00003", v.RunId);
    }

    [Fact]
    public async Task GetVerdict_UnknownRun_NotFoundWithResourceInfo()
    {
        var e = await Assert.ThrowsAsync<RpcException>(async () => await client.GetVerdictAsync(new GetVerdictRequest { RunId = "R-99999" }, lims));
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
        var info = e.GetRpcStatus()!.GetDetail<ResourceInfo>();
        Assert.Equal("R-99999", info.ResourceName);
    }

    [Fact]
    public async Task GetVerdict_NoKey_InvalidArgumentNamingTheField()
    {
        var e = await Assert.ThrowsAsync<RpcException>(async () => await client.GetVerdictAsync(new GetVerdictRequest(), lims));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var violation = Assert.Single(e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("key", violation.Field);
    }

    [Fact]
    public async Task ListVerdicts_SeveralBadFields_EveryViolationReported()
    {
        var request = new ListVerdictsRequest
        {
            PageSize = 1000,
            EvaluatedFrom = Timestamp.FromDateTimeOffset(VerdictSeeds.Epoch.AddDays(1)),
            EvaluatedTo = Timestamp.FromDateTimeOffset(VerdictSeeds.Epoch),
            Outcomes = { Outcome.Unspecified },
            PageToken = "garbage",
        };
        var e = await Assert.ThrowsAsync<RpcException>(async () => await client.ListVerdictsAsync(request, lims));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var fields = e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order().ToList();
        Assert.Equal(["evaluated_to", "outcomes[0]", "page_size", "page_token"], fields);
    }

    [Fact]
    public async Task ListVerdicts_PagesOfTen_EveryVerdictOnceInSequenceOrder()
    {
        var seen = new List<ulong>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await client.ListVerdictsAsync(new ListVerdictsRequest { PageSize = 10, PageToken = token }, lims);
            seen.AddRange(page.Verdicts.Select(v => v.Sequence));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, Seeded).Select(i => (ulong)i), seen);
    }

    [Fact]
    public async Task ListVerdicts_NewestFirst_PagesDownToTheFirstThenSampleFilter()
    {
        var seen = new List<ulong>();
        var token = "";
        do
        {
            var page = await client.ListVerdictsAsync(new ListVerdictsRequest { PageSize = 20, NewestFirst = true, PageToken = token }, lims);
            seen.AddRange(page.Verdicts.Select(v => v.Sequence));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(Enumerable.Range(1, Seeded).Reverse().Select(i => (ulong)i), seen);
        var sample = await client.ListVerdictsAsync(new ListVerdictsRequest { SampleId = "S-1", NewestFirst = true, PageSize = 3 }, lims);
        Assert.Equal([25UL, 22UL, 19UL], sample.Verdicts.Select(v => v.Sequence));
    }

    [Fact]
    public async Task ListVerdicts_TokenOfTheOtherOrder_InvalidArgument()
    {
        var newest = await client.ListVerdictsAsync(new ListVerdictsRequest { PageSize = 5, NewestFirst = true }, lims);
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ListVerdictsAsync(new ListVerdictsRequest { PageSize = 5, PageToken = newest.NextPageToken }, lims));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Fact]
    public async Task ListVerdicts_TokenReusedWithOtherFilters_InvalidArgument()
    {
        var first = await client.ListVerdictsAsync(new ListVerdictsRequest { PageSize = 5 }, lims);
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ListVerdictsAsync(new ListVerdictsRequest { PageSize = 5, SampleId = "S-1", PageToken = first.NextPageToken }, lims));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Fact]
    public async Task ListVerdicts_Filters_Combine()
    {
        var page = await client.ListVerdictsAsync(new ListVerdictsRequest
        {
            SampleId = "S-1",
            LimsOrder = "LO-0",
            Outcomes = { Outcome.Fail },
            Standard = "IEC 60228",
            EvaluatedFrom = Timestamp.FromDateTimeOffset(VerdictSeeds.Epoch.AddMinutes(2)),
            EvaluatedTo = Timestamp.FromDateTimeOffset(VerdictSeeds.Epoch.AddMinutes(20)),
        }, lims);
        // n in [2, 20), n % 3 == 1, n % 2 == 0, n % 4 == 0 -> 4 and 16.
        Assert.Equal(["V-00004", "V-00016"], page.Verdicts.Select(v => v.VerdictId));
        Assert.Empty(page.NextPageToken);
    }

    [Fact]
    public async Task ListVerdicts_UnknownStandard_Empty()
    {
        var page = await client.ListVerdictsAsync(new ListVerdictsRequest { Standard = "IEC 60502" }, lims);
        Assert.Empty(page.Verdicts);
    }
}
