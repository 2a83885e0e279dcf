using System.Text.Json;
using System.Text.RegularExpressions;
using CableTest.Contracts.V1;
using CableTest.Domain.Inputs;
using CableTest.Testing;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace CableTest.Service.Tests.Inputs;

/// <summary>
/// The classic hostile inputs, over gRPC and HTTP/JSON on the in-process host: each is refused with
/// INVALID_ARGUMENT / 400 (or RESOURCE_EXHAUSTED / 4xx for an oversized body), never INTERNAL,
/// UNKNOWN or 5xx; nothing is stored; errors echo a bounded prefix of what was sent.
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class HostileInputCorpusTests(HostileInputFixture fixture)
{
    private const string Spec = "gbt5023.3-227iec01-bv-450/750";

    private BenchService.BenchServiceClient Bench => new(fixture.Service.Channel);

    [Fact]
    public async Task RegisterSample_HostileIds_RefusedOnGrpcAndJson_NothingStored()
    {
        var before = await fixture.SnapshotAsync();
        foreach (var id in HostileIds.All)
        {
            var e = await Assert.ThrowsAsync<RpcException>(() => Bench.RegisterSampleAsync(Good(id), HostileInputFixture.Engineer).ResponseAsync);
            Assert.True(e.StatusCode == StatusCode.InvalidArgument, $"{Shown(id)}: {e.Status}");
            var (status, body) = await fixture.JsonAsync(HttpMethod.Post, "/v1/samples", Json(Good(id)));
            Assert.True(status == 400, $"{Shown(id)}: HTTP {status} {body[..Math.Min(body.Length, 300)]}");
            Assert.Null(await fixture.SampleAsync(id));
        }

        Assert.Equal(before, await fixture.SnapshotAsync());
    }

    [Fact]
    public async Task IdLookups_HostileIds_NeverServerErrors()
    {
        var verdicts = new VerdictService.VerdictServiceClient(fixture.Service.Channel);
        var replay = new ReplayService.ReplayServiceClient(fixture.Service.Channel);
        var reports = new ReportService.ReportServiceClient(fixture.Service.Channel);
        foreach (var id in HostileIds.All)
        {
            Func<Task>[] calls =
            [
                () => Bench.GetSampleAsync(new GetSampleRequest { SampleId = id }, HostileInputFixture.Engineer).ResponseAsync,
                () => Bench.GetRunAsync(new GetRunRequest { RunId = id }, HostileInputFixture.Engineer).ResponseAsync,
                () => Bench.AbortRunAsync(new AbortRunRequest { RunId = id, Reason = id }, HostileInputFixture.Engineer).ResponseAsync,
                () => Bench.AnswerPromptAsync(new AnswerPromptRequest { RunId = id, PromptId = id }, HostileInputFixture.Engineer).ResponseAsync,
                () => Bench.StartRunAsync(new StartRunRequest { SampleId = id, OperatorName = "t", RequestId = id }, HostileInputFixture.Engineer).ResponseAsync,
                () => verdicts.GetVerdictAsync(new GetVerdictRequest { RunId = id }, HostileInputFixture.Engineer).ResponseAsync,
                () => verdicts.GetVerdictAsync(new GetVerdictRequest { SampleId = id }, HostileInputFixture.Engineer).ResponseAsync,
                () => verdicts.GetVerdictAsync(new GetVerdictRequest { VerdictId = id }, HostileInputFixture.Engineer).ResponseAsync,
                () => replay.ReplayRunAsync(new ReplayRunRequest { RunId = id }, HostileInputFixture.Engineer).ResponseAsync,
                () => reports.ApproveRunAsync(new ApproveRunRequest { RunId = id, ApprovedBy = "Zhang Wei" }, HostileInputFixture.Engineer).ResponseAsync,
                () => reports.GetRunApprovalAsync(new GetRunApprovalRequest { RunId = id }, HostileInputFixture.Engineer).ResponseAsync,
            ];
            foreach (var call in calls)
            {
                var e = await Assert.ThrowsAsync<RpcException>(call);
                Assert.True(e.StatusCode is StatusCode.InvalidArgument, $"{Shown(id)}: {e.Status.StatusCode} {Shown(e.Status.Detail)}");
                Assert.True(e.Status.Detail.Length <= 1_024, Shown(e.Status.Detail));
            }

            // HttpClient removes dot segments from a path ("/v1/runs/." becomes "/v1/runs/"): those ids cannot be sent in one.
            if (id.Length < 4_000 && id.Trim('.').Length > 0)
            {
                var escaped = Uri.EscapeDataString(id);
                foreach (var path in new[] { $"/v1/samples/{escaped}", $"/v1/runs/{escaped}", $"/v1/verdicts:get?runId={escaped}", $"/reports/{escaped}.html", $"/reports/{escaped}.pdf", $"/v1/runs/{escaped}/approval", $"/events/runs/{escaped}" })
                {
                    var (status, body) = await fixture.JsonAsync(HttpMethod.Get, path);
                    Assert.True(status is >= 400 and < 500, $"GET {Shown(path)}: HTTP {status} {Shown(body)}");
                }
            }
        }
    }

    [Theory]
    [InlineData(1e308, 100.0, "cross_section_mm2")]
    [InlineData(double.NaN, 100.0, "cross_section_mm2")]
    [InlineData(double.PositiveInfinity, 100.0, "cross_section_mm2")]
    [InlineData(-2.5, 100.0, "cross_section_mm2")]
    [InlineData(0.0, 100.0, "cross_section_mm2")]
    [InlineData(2.5, double.NegativeInfinity, "length_m")]
    [InlineData(2.5, 1e300, "length_m")]
    public async Task RegisterSample_NumbersOutsidePhysicalRanges_400NamingTheField(double crossSectionMm2, double lengthM, string field)
    {
        var request = Good("S-NUM-1");
        request.CrossSectionMm2 = crossSectionMm2;
        request.LengthM = lengthM;
        var e = await Assert.ThrowsAsync<RpcException>(() => Bench.RegisterSampleAsync(request, HostileInputFixture.Engineer).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains(field, e.Status.Detail, StringComparison.Ordinal);
        var (status, body) = await fixture.JsonAsync(HttpMethod.Post, "/v1/samples", Json(request));
        Assert.Equal(400, status);
        Assert.Contains(field, body, StringComparison.Ordinal);
        Assert.Null(await fixture.SampleAsync("S-NUM-1"));
    }

    [Theory]
    [InlineData(3.38, 1.78, "insulation_outer_diameter_mm")]
    [InlineData(double.NaN, 3.38, "conductor_diameter_mm")]
    [InlineData(1.78, 0.0, "insulation_outer_diameter_mm")]
    public async Task RegisterSample_ImpossibleDiameters_Refused(double d, double outer, string field)
    {
        var request = Good("S-DIA-1");
        request.ConductorDiameterMm = d;
        request.InsulationOuterDiameterMm = outer;
        var e = await Assert.ThrowsAsync<RpcException>(() => Bench.RegisterSampleAsync(request, HostileInputFixture.Engineer).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains(field, e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterSample_TenMegabyteDescription_RefusedOnGrpcAndJson()
    {
        var request = Good("S-BIG-1");
        request.Description = new string('x', 10_000_000);
        var e = await Assert.ThrowsAsync<RpcException>(() => Bench.RegisterSampleAsync(request, HostileInputFixture.Engineer).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        // Expect: 100-continue, so the client hears the refusal instead of writing 10 MB into a closed connection.
        var (status, body) = await fixture.JsonAsync(HttpMethod.Post, "/v1/samples", Json(request), expectContinue: true);
        Assert.True(status is 400 or 413, $"HTTP {status} {Shown(body)}");
        Assert.Contains("too large", body, StringComparison.Ordinal);
        Assert.Null(await fixture.SampleAsync("S-BIG-1"));
    }

    [Fact]
    public async Task RegisterSample_DescriptionOverTheTextLimit_SameAnswerOnGrpcAndJson()
    {
        var request = Good("S-BIG-2");
        request.Description = new string('x', TextRule.Description.MaxLength + 1);
        var e = await Assert.ThrowsAsync<RpcException>(() => Bench.RegisterSampleAsync(request, HostileInputFixture.Engineer).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var (status, body) = await fixture.JsonAsync(HttpMethod.Post, "/v1/samples", Json(request));
        Assert.Equal(400, status);
        Assert.Contains("description", body, StringComparison.Ordinal);
        Assert.Null(await fixture.SampleAsync("S-BIG-2"));
    }

    [Fact]
    public async Task GetVerdict_MegabyteId_ErrorEchoesABoundedPrefix()
    {
        var verdicts = new VerdictService.VerdictServiceClient(fixture.Service.Channel);
        var id = new string('R', 1 << 20);
        var e = await Assert.ThrowsAsync<RpcException>(() => verdicts.GetVerdictAsync(new GetVerdictRequest { RunId = id }, HostileInputFixture.Engineer).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.True(e.Status.Detail.Length <= 1_024, $"{e.Status.Detail.Length} characters");
        var details = e.Trailers.GetValueBytes("grpc-status-details-bin");
        Assert.NotNull(details);
        Assert.True(details.Length <= 4_096, $"{details.Length} bytes of status details");
    }

    [Fact]
    public async Task NotFound_LongUnknownId_EchoedAsItsPrefix()
    {
        var id = "R" + new string('x', 63);
        var e = await Assert.ThrowsAsync<RpcException>(() => Bench.GetRunAsync(new GetRunRequest { RunId = id }, HostileInputFixture.Engineer).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
        Assert.Contains(id, e.Status.Detail, StringComparison.Ordinal);
    }

    public static TheoryData<string> GrpcMethods() =>
        [.. Services().SelectMany(s => s.Methods).Select(m => m.FullName)];

    [Theory]
    [MemberData(nameof(GrpcMethods))]
    public async Task GarbageProtobuf_EveryMethod_InvalidArgument(string fullName)
    {
        var method = Services().SelectMany(s => s.Methods).Single(m => m.FullName == fullName);
        foreach (var garbage in new byte[][] { [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], [0x0A, 0x40, 0x41], [0x0F, 0x01, 0x02], [0x08] })
        {
            var status = await RawCalls.SendAsync(fixture.Service.Channel, method, garbage, HostileInputFixture.Engineer);
            Assert.True(status.StatusCode == StatusCode.InvalidArgument, $"{fullName} {Convert.ToHexString(garbage)}: {status}");
        }
    }

    [Fact]
    public void Dashboard_SampleIdPattern_IsTheIdRule()
    {
        var html = File.ReadAllText(RepoPaths.InRepo("src", "CableTest.Service", "wwwroot", "index.html"));
        var pattern = Regex.Match(html, "name=\"sampleId\"[^>]*pattern=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(IdRule.HtmlPattern, pattern);
    }

    [Fact]
    public async Task Dashboard_SampleIdPattern_CompilesWithTheVFlagAndAgreesWithTheServer()
    {
        var node = RequiredTool.Find("node", "nodejs");
        var ids = HostileIds.All.Where(i => i.Length < 1_000).Concat(HostileIds.Valid).ToList();
        using var dir = new TempDirectory("idrule");
        var file = Path.Combine(dir.Path, "ids.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(ids));
        // As a browser compiles an input's pattern attribute: anchored, with the v flag.
        var script = "const re = new RegExp('^(?:' + process.argv[1] + ')$', 'v');"
            + "const ids = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));"
            + "process.stdout.write(JSON.stringify(ids.map(i => re.test(i))));";
        await using var process = ExternalProcess.Start(node, ["-e", script, IdRule.HtmlPattern, file]);
        Assert.Equal(0, await process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var answers = JsonSerializer.Deserialize<bool[]>(process.Output.Trim())!;
        Assert.Equal(ids.Select(IdRule.IsValid), answers);
    }

    [Fact]
    public void Proto_SampleIdComment_StatesTheIdRule()
    {
        var proto = File.ReadAllText(RepoPaths.InRepo("protos", "cabletest", "v1", "bench.proto"));
        Assert.Contains(IdRule.Pattern, proto, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_AfterHostileInput_StillServes()
    {
        await RegisterSample_HostileIds_RefusedOnGrpcAndJson_NothingStored();
        var sample = await Bench.RegisterSampleAsync(Good("S-AFTER-1"), HostileInputFixture.Engineer);
        Assert.Equal("S-AFTER-1", (await Bench.GetSampleAsync(new GetSampleRequest { SampleId = "S-AFTER-1" }, HostileInputFixture.Engineer)).SampleId);
        Assert.Equal(sample.SampleId, (await fixture.SampleAsync("S-AFTER-1"))!.SampleId);
    }

    internal static IEnumerable<ServiceDescriptor> Services() =>
        [BenchService.Descriptor, VerdictService.Descriptor, StandardsService.Descriptor, ReplayService.Descriptor, ReportService.Descriptor, InspectionService.Descriptor, RiskService.Descriptor];

    internal static RegisterSampleRequest Good(string id) => new()
    {
        SampleId = id, LimsOrder = "L-1", SpecId = Spec, CrossSectionMm2 = 2.5, Cores = 1, LengthM = 100, ConductorClass = 1,
        ConductorDiameterMm = 1.78, InsulationOuterDiameterMm = 3.38,
    };

    private static string Json(Google.Protobuf.IMessage message) => Google.Protobuf.JsonFormatter.Default.Format(message);

    private static string Shown(string value) => InputEcho.Prefix(value, 80);
}
