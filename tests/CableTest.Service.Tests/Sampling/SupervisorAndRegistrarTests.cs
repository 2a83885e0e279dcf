using System.Net;
using System.Text;
using CableTest.Contracts.V1;
using Google.Rpc;
using Grpc.Core;

namespace CableTest.Service.Tests.Sampling;

/// <summary>
/// Issue 13 item 1: the supervisor reads everything and changes nothing (gRPC PERMISSION_DENIED, JSON 403 on every
/// call that changes state); only the lims or an engineer registers a sampling record; a record is validated field by field.
/// </summary>
public sealed class SupervisorAndRegistrarTests(SealedSampleFixture fixture) : IClassFixture<SealedSampleFixture>
{
    private static Metadata Supervisor => InProcessService.ApiKey(InProcessService.SupervisorKey);

    [Fact]
    public async Task EveryChange_SupervisorKey_PermissionDenied()
    {
        var channel = fixture.Service.Channel;
        var bench = new BenchService.BenchServiceClient(channel);
        var verdicts = new VerdictService.VerdictServiceClient(channel);
        var reports = new ReportService.ReportServiceClient(channel);
        var replay = new ReplayService.ReplayServiceClient(channel);
        var runId = fixture.Run.RunId;
        Func<Task>[] changes =
        [
            () => bench.StartRunAsync(new StartRunRequest { SampleId = SealedSampleFixture.SampleId, OperatorName = "sup" }, Supervisor).ResponseAsync,
            () => bench.RegisterSampleAsync(Runs.RunOnSimulatedBenchTests.Bv25("SUP-REG-1"), Supervisor).ResponseAsync,
            () => bench.AbortRunAsync(new AbortRunRequest { RunId = runId, Reason = "no" }, Supervisor).ResponseAsync,
            () => bench.AnswerPromptAsync(new AnswerPromptRequest { RunId = runId, PromptId = "p1", Acknowledged = true }, Supervisor).ResponseAsync,
            () => verdicts.AcknowledgeVerdictsAsync(new AcknowledgeVerdictsRequest { Subscriber = "sup", UpToSequence = 1 }, Supervisor).ResponseAsync,
            () => reports.ApproveRunAsync(new ApproveRunRequest { RunId = runId, ApprovedBy = "sup" }, Supervisor).ResponseAsync,
            () => replay.ReplayRunAsync(new ReplayRunRequest { RunId = runId }, Supervisor).ResponseAsync,
        ];
        foreach (var change in changes)
        {
            var e = await Assert.ThrowsAsync<RpcException>(change);
            Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        }

        // Nothing changed: no sample, no acknowledgement, no approval.
        var missing = await Assert.ThrowsAsync<RpcException>(() => bench.GetSampleAsync(new GetSampleRequest { SampleId = "SUP-REG-1" }, Supervisor).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0, await fixture.Service.Store.GetAcknowledgedAsync("sup", default));
        Assert.Null(await fixture.Service.Store.GetRunApprovalAsync(runId, default));
    }

    [Theory]
    [InlineData("/v1/runs", """{"sampleId":"SPOT-2026-0042","operatorName":"sup"}""")]
    [InlineData("/v1/samples", """{"sampleId":"SUP-REG-2","specId":"gbt5023.3-227iec01-bv-450/750","crossSectionMm2":2.5,"cores":1,"lengthM":100}""")]
    [InlineData("/v1/verdicts:acknowledge", """{"subscriber":"sup","upToSequence":"1"}""")]
    [InlineData("/v1/runs/RUN:abort", """{"reason":"no"}""")]
    [InlineData("/v1/runs/RUN:answer", """{"promptId":"p1","acknowledged":true}""")]
    [InlineData("/v1/runs/RUN:approve", """{"approvedBy":"sup"}""")]
    public async Task JsonChange_SupervisorKey_403(string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path.Replace("RUN", fixture.Run.RunId, StringComparison.Ordinal))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", InProcessService.SupervisorKey);
        using var response = await fixture.Service.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RegisterSample_TechnicianWithSamplingRecord_PermissionDeniedOnGrpcAndJson_NothingStored()
    {
        var bench = new BenchService.BenchServiceClient(fixture.Service.Channel);
        var request = Runs.RunOnSimulatedBenchTests.Bv25("TECH-SEALED-1");
        request.SamplingRecord = SealedSampleFixture.Record();
        var e = await Assert.ThrowsAsync<RpcException>(() => bench.RegisterSampleAsync(request, InProcessService.ApiKey(InProcessService.TechnicianKey)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        Assert.Contains("lims or an engineer", e.Status.Detail, StringComparison.Ordinal);

        using var json = new HttpRequestMessage(HttpMethod.Post, "/v1/samples")
        {
            Content = new StringContent(
                """{"sampleId":"TECH-SEALED-2","specId":"gbt5023.3-227iec01-bv-450/750","crossSectionMm2":2.5,"cores":1,"lengthM":100,"samplingRecord":{"manufacturer":"X","sealNumber":"Y"}}""",
                Encoding.UTF8, "application/json"),
        };
        json.Headers.Add("x-api-key", InProcessService.TechnicianKey);
        using var response = await fixture.Service.Http.SendAsync(json);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await fixture.Service.Store.GetSampleAsync("TECH-SEALED-1", default));
        Assert.Null(await fixture.Service.Store.GetSampleAsync("TECH-SEALED-2", default));
    }

    [Fact]
    public async Task RegisterSample_EngineerWithSamplingRecord_StoredWithManufacturerAndSpec()
    {
        var bench = new BenchService.BenchServiceClient(fixture.Service.Channel);
        var request = Runs.RunOnSimulatedBenchTests.Bv25("ENG-SEALED-1");
        request.SamplingRecord = SealedSampleFixture.Record();
        request.SamplingRecord.Manufacturer = "  Other Wire Co  ";
        var sample = await bench.RegisterSampleAsync(request, InProcessService.ApiKey(InProcessService.EngineerKey));
        Assert.Equal("  Other Wire Co  ", sample.SamplingRecord.Manufacturer);
        var stored = await fixture.Service.Store.GetSamplingRecordAsync("ENG-SEALED-1", default);
        Assert.Equal("Other Wire Co", stored!.Manufacturer); // the index column is trimmed, so a risk summary groups it once
        Assert.Equal("gbt5023.3-227iec01-bv-450/750", stored.SpecId);
    }

    [Fact]
    public async Task RegisterSample_RecordWithoutManufacturerOrSealAndBadDate_InvalidArgumentNamingEachField()
    {
        var bench = new BenchService.BenchServiceClient(fixture.Service.Channel);
        var request = Runs.RunOnSimulatedBenchTests.Bv25("LIMS-BAD-1");
        request.SamplingRecord = new SamplingRecord { Sampler = "Qian", ProductionDate = "15/10/2026", Brand = "line\nbreak" };
        var e = await Assert.ThrowsAsync<RpcException>(() => bench.RegisterSampleAsync(request, InProcessService.ApiKey(InProcessService.LimsKey)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var fields = e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["sampling_record.brand", "sampling_record.manufacturer", "sampling_record.production_date", "sampling_record.seal_number"], fields.Order(StringComparer.Ordinal));
        Assert.Null(await fixture.Service.Store.GetSampleAsync("LIMS-BAD-1", default));
    }
}
