using System.Diagnostics;
using CableTest.Contracts.V1;
using Google.Rpc;
using Grpc.Core;

namespace CableTest.Service.Tests.Runs;

/// <summary>
/// Issue 11 must-show: samples missing d/D where the criterion needs them, with NaN/zero/negative diameters or d &gt; D,
/// are refused at RegisterSample or StartRun, naming the field; nothing starts moving (no run stored, no recording).
/// </summary>
public sealed class PlanRefusalTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static IReadOnlyList<BadRequest.Types.FieldViolation> FieldViolations(RpcException e) =>
        e.GetRpcStatus()!.Details.Single(d => d.Is(BadRequest.Descriptor)).Unpack<BadRequest>().FieldViolations;

    private static RegisterSampleRequest Yjv(string id)
    {
        var request = RunOnSimulatedBenchTests.Bv25(id);
        request.SpecId = "gbt12706.1-yjv-0.6/1";
        request.CrossSectionMm2 = 16;
        request.ConductorClass = 2;
        request.ClearConductorDiameterMm();
        request.ClearInsulationOuterDiameterMm();
        return request;
    }

    [Fact]
    public async Task ImpossibleGeometry_RefusedAtRegisterSample_NamingTheField_NothingStored()
    {
        await using var service = await InProcessService.StartAsync(true, RunOnSimulatedBenchTests.FastBench);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        (double D, double Outer, string Field)[] cases =
        [
            (double.NaN, 3.38, "conductor_diameter_mm"),
            (0, 3.38, "conductor_diameter_mm"),
            (-1.78, 3.38, "conductor_diameter_mm"),
            (1.78, double.NaN, "insulation_outer_diameter_mm"),
            (1.78, 0, "insulation_outer_diameter_mm"),
            (3.38, 1.78, "insulation_outer_diameter_mm"),
        ];
        foreach (var (i, (d, outer, field)) in cases.Index())
        {
            var request = RunOnSimulatedBenchTests.Bv25($"S-GEO-{i}");
            request.ConductorDiameterMm = d;
            request.InsulationOuterDiameterMm = outer;
            var watch = Stopwatch.StartNew();
            var refused = await Assert.ThrowsAsync<RpcException>(() => bench.RegisterSampleAsync(request).ResponseAsync);
            output.WriteLine($"d={d} D={outer}: refused in {watch.Elapsed.TotalMilliseconds:0} ms: {refused.Status.Detail}");
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            Assert.Equal(field, Assert.Single(FieldViolations(refused)).Field);
            var missing = await Assert.ThrowsAsync<RpcException>(() => bench.GetSampleAsync(new GetSampleRequest { SampleId = request.SampleId }).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        }
    }

    [Fact]
    public async Task KiSampleWithoutDiameters_RefusedAtStartRun_OneViolationPerField_NothingMoves()
    {
        await using var service = await InProcessService.StartAsync(true, RunOnSimulatedBenchTests.FastBench);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        await bench.RegisterSampleAsync(Yjv("S-KI"));

        var watch = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<RpcException>(() => bench.StartRunAsync(new StartRunRequest { SampleId = "S-KI", OperatorName = "tech" }).ResponseAsync);
        output.WriteLine($"StartRun refused in {watch.Elapsed.TotalMilliseconds:0} ms: {refused.Status.Detail}");
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var fields = FieldViolations(refused).Select(v => v.Field).ToList();
        Assert.Contains("conductor_diameter_mm", fields);
        Assert.Contains("insulation_outer_diameter_mm", fields);
        Assert.Equal(fields.Count, fields.Distinct().Count());

        // Nothing moved: no run stored, the bench idle, no recording written, the withstand tester never asked.
        Assert.Empty((await bench.ListRunsAsync(new ListRunsRequest())).Runs);
        Assert.Equal("", (await bench.GetBenchStatusAsync(new GetBenchStatusRequest())).ActiveRunId);
        var recordings = Path.Combine(service.DataDirectory, "recordings");
        Assert.True(!Directory.Exists(recordings) || Directory.GetFiles(recordings).Length == 0);

        // Without the insulation test the same sample has a runnable plan.
        var run = await bench.StartRunAsync(new StartRunRequest { SampleId = "S-KI", OperatorName = "tech", Tests = { TestKind.ConductorResistance } });
        await bench.AbortRunAsync(new AbortRunRequest { RunId = run.RunId, Reason = "test over" });
    }

    [Fact]
    public async Task UntabulatedSize_RefusedBeforeAnythingMoves_NamingTheLimit()
    {
        await using var service = await InProcessService.StartAsync(true, RunOnSimulatedBenchTests.FastBench);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        var request = RunOnSimulatedBenchTests.Bv25("S-CSA3");
        request.CrossSectionMm2 = 3;
        RpcException refused;
        try
        {
            await bench.RegisterSampleAsync(request);
            refused = await Assert.ThrowsAsync<RpcException>(() => bench.StartRunAsync(new StartRunRequest { SampleId = "S-CSA3" }).ResponseAsync);
            Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
            var violations = refused.GetRpcStatus()!.Details.Single(d => d.Is(PreconditionFailure.Descriptor)).Unpack<PreconditionFailure>().Violations;
            Assert.Contains(violations, v => v.Subject == "cross_section_mm2");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            // Refused at registration already (the spec does not cover the size): also before anything moves.
            refused = e;
        }

        output.WriteLine(refused.Status.Detail);
        Assert.Contains("3", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await bench.ListRunsAsync(new ListRunsRequest())).Runs);
    }

    [Fact]
    public async Task BvWithoutDiameters_Runs_InsulationJudgedByRl_KiNotComputed()
    {
        await using var service = await InProcessService.StartAsync(true, RunOnSimulatedBenchTests.FastBench);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        var request = RunOnSimulatedBenchTests.Bv25("S-NOD");
        request.ClearConductorDiameterMm();
        request.ClearInsulationOuterDiameterMm();
        await bench.RegisterSampleAsync(request);
        var started = await bench.StartRunAsync(new StartRunRequest { SampleId = "S-NOD", Tests = { TestKind.InsulationResistance } });
        var run = await RunOnSimulatedBenchTests.DriveToEndAsync(bench, started.RunId);
        Assert.Equal(RunState.Completed, run.State);
        var ir = run.Steps.Single(s => s.StepId == "ir-1").Verdict;
        Assert.Equal(Outcome.Pass, ir.Outcome);
        Assert.False(ir.InsulationResistance.HasKiMohmKm);
        Assert.Contains(ir.Warnings, w => w.Contains("not computed", StringComparison.Ordinal));
    }
}
