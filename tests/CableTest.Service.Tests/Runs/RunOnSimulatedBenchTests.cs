using CableTest.Contracts.V1;
using Grpc.Core;

namespace CableTest.Service.Tests.Runs;

/// <summary>Whole runs on the embedded simulated bench (real ptys and loopback TCP), driven over gRPC like the LIMS and the CLI do.</summary>
public sealed class RunOnSimulatedBenchTests
{
    internal static readonly string[] FastBench = ["--Bench:Simulator:TimeScale=300", "--Bench:PollInterval=00:00:00.05", "--Bench:ResistanceReadings=2"];

    internal static RegisterSampleRequest Bv25(string id) => new()
    {
        SampleId = id,
        LimsOrder = "LIMS-" + id,
        SpecId = "gbt5023.3-227iec01-bv-450/750",
        CrossSectionMm2 = 2.5,
        Cores = 1,
        LengthM = 100,
        ConductorClass = 1,
        ConductorDiameterMm = 1.78,
        InsulationOuterDiameterMm = 3.38,
    };

    /// <summary>Answers every prompt until the run ends; returns the final run.</summary>
    internal static async Task<Run> DriveToEndAsync(BenchService.BenchServiceClient bench, string runId, Metadata? headers = null, TimeSpan? limit = null)
    {
        using var cts = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var run = await bench.GetRunAsync(new GetRunRequest { RunId = runId }, headers, cancellationToken: cts.Token);
            if (run.State is RunState.Completed or RunState.Aborted or RunState.Incomplete)
            {
                return run;
            }

            if (run.PendingPrompt is { } prompt)
            {
                await bench.AnswerPromptAsync(new AnswerPromptRequest { RunId = runId, PromptId = prompt.PromptId, Acknowledged = true, OperatorName = "test" }, headers, cancellationToken: cts.Token);
            }

            await Task.Delay(50, cts.Token);
        }
    }

    [Fact]
    public async Task GoodSample_RunsAllTests_PassVerdictWithEvidence_HighVoltageOff()
    {
        await using var service = await InProcessService.StartAsync(true, FastBench);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        await bench.RegisterSampleAsync(Bv25("S-GOOD"));
        var started = await bench.StartRunAsync(new StartRunRequest { SampleId = "S-GOOD", OperatorName = "tech", RequestId = "req-1" });
        var again = await bench.StartRunAsync(new StartRunRequest { SampleId = "S-GOOD", OperatorName = "tech", RequestId = "req-1" });
        Assert.Equal(started.RunId, again.RunId);

        var run = await DriveToEndAsync(bench, started.RunId);
        Assert.True(run.State == RunState.Completed && run.Outcome == Outcome.Pass, run.ToString());

        var verdict = await new VerdictService.VerdictServiceClient(service.Channel).GetVerdictAsync(new GetVerdictRequest { RunId = run.RunId });
        Assert.Equal(Outcome.Pass, verdict.Outcome);
        Assert.Equal(3, verdict.Tests.Count);
        var conductor = Assert.Single(verdict.Tests, t => t.Kind == TestKind.ConductorResistance);
        Assert.InRange(conductor.ConductorResistance.R20OhmPerKm, 6.7, 7.1);
        Assert.False(string.IsNullOrEmpty(conductor.Reference.Standard));
        Assert.NotEmpty(conductor.ReadingIds);
        Assert.All(verdict.Tests, t => Assert.NotEmpty(t.Instruments));
        // Issue 12: every measured quantity carries its budget from the simulator profiles' accuracy, U = k u_c with k = 2.
        Assert.All(verdict.Tests, t =>
        {
            Assert.NotEmpty(t.Uncertainty);
            Assert.All(t.Uncertainty, b => Assert.True(b.ExpandedUncertainty > 0 && b.CoverageFactor == 2, b.ToString()));
        });
        var withstand = Assert.Single(verdict.Tests, t => t.Kind == TestKind.VoltageWithstand);
        Assert.Equal(2.5, withstand.VoltageWithstand.RequiredKv, 3);
        Assert.True(withstand.VoltageWithstand.HeldS >= withstand.VoltageWithstand.RequiredS);
        var insulation = Assert.Single(verdict.Tests, t => t.Kind == TestKind.InsulationResistance).InsulationResistance;
        Assert.NotEmpty(insulation.Curve);
        // Issue 12 item 2: the temperature of every test that has one is measured, and the verdict names the instrument.
        Assert.Equal("SIM-TH", conductor.ConductorResistance.TemperatureSource);
        Assert.Equal("SIM-BATH", insulation.TemperatureSource);
        Assert.InRange(insulation.TestTemperatureC, 69, 71);
        // ...with the measured bath temperature's own budget from the bath PT100's profile accuracy.
        var bathBudget = Assert.Single(verdict.Tests.Single(t => t.Kind == TestKind.InsulationResistance).Uncertainty, b => b.Quantity == "test_temperature_c");
        Assert.Equal(insulation.TestTemperatureC, bathBudget.Value, 6);
        Assert.False(string.IsNullOrEmpty(verdict.ContentSha256));

        var status = await bench.GetBenchStatusAsync(new GetBenchStatusRequest());
        Assert.False(status.HighVoltageOn);
        Assert.Equal("", status.ActiveRunId);
        Assert.Equal(5, status.Instruments.Count);
        Assert.True(File.Exists(Path.Combine(service.DataDirectory, "recordings", run.RunId + ".jsonl")));

        var report = await service.Http.GetStringAsync($"/reports/{run.RunId}.html");
        Assert.Contains("S-GOOD", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abort_DuringRun_EndsAbortedOnTheRecordAsIncomplete_AndBenchIsFreeAgain()
    {
        await using var service = await InProcessService.StartAsync(true, FastBench);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        await bench.RegisterSampleAsync(Bv25("S-ABORT"));
        var run = await bench.StartRunAsync(new StartRunRequest { SampleId = "S-ABORT" });
        var busy = await Assert.ThrowsAsync<RpcException>(() => bench.StartRunAsync(new StartRunRequest { SampleId = "S-ABORT" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, busy.StatusCode);

        var aborted = await bench.AbortRunAsync(new AbortRunRequest { RunId = run.RunId, Reason = "operator pressed abort" });
        Assert.Equal(RunState.Aborted, aborted.State);
        Assert.Contains("operator pressed abort", aborted.EndReason, StringComparison.Ordinal);
        // Issue 11: every ending is on the record: INCOMPLETE with the ending, never a conformity statement.
        var record = await new VerdictService.VerdictServiceClient(service.Channel).GetVerdictAsync(new GetVerdictRequest { RunId = run.RunId });
        Assert.Equal(Outcome.Incomplete, record.Outcome);
        Assert.Equal("aborted", record.Ending.Kind);
        Assert.Contains("operator pressed abort", record.Ending.Reason, StringComparison.Ordinal);
        Assert.True(record.Ending.HighVoltageConfirmedOff);
        Assert.Equal("", (await bench.GetBenchStatusAsync(new GetBenchStatusRequest())).ActiveRunId);
    }

    [Fact]
    public async Task BadRequests_AreInvalidArgumentOrNotFound()
    {
        await using var service = await InProcessService.StartAsync(true, FastBench);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        var bad = await Assert.ThrowsAsync<RpcException>(() => bench.RegisterSampleAsync(new RegisterSampleRequest { SampleId = "X", SpecId = "nope", CrossSectionMm2 = -1, Cores = 1, LengthM = 10 }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        await bench.RegisterSampleAsync(Bv25("X"));
        var tooBig = Bv25("Y");
        tooBig.Cores = 5;
        var outside = await Assert.ThrowsAsync<RpcException>(() => bench.RegisterSampleAsync(tooBig).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, outside.StatusCode);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => bench.StartRunAsync(new StartRunRequest { SampleId = "never-registered" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        var kind = await Assert.ThrowsAsync<RpcException>(() => bench.StartRunAsync(new StartRunRequest { SampleId = "X", WithstandVoltageKind = "hf" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, kind.StatusCode);
    }

    [Fact]
    public async Task CalibrationOverdue_BlockPolicyRefusesTheRun_InconclusivePolicyRunsWithInconclusiveVerdict()
    {
        await using (var blocking = await InProcessService.StartAsync(true, [.. FastBench, "--Bench:Simulator:CalibrationDue=2020-01-01"]))
        {
            var bench = new BenchService.BenchServiceClient(blocking.Channel);
            await bench.RegisterSampleAsync(Bv25("S-CAL"));
            var refused = await Assert.ThrowsAsync<RpcException>(() => bench.StartRunAsync(new StartRunRequest { SampleId = "S-CAL" }).ResponseAsync);
            Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
            Assert.Contains("calibration overdue", refused.Status.Detail, StringComparison.Ordinal);
        }

        await using var lenient = await InProcessService.StartAsync(true, [.. FastBench, "--Bench:Simulator:CalibrationDue=2020-01-01", "--Bench:CalibrationPolicy=inconclusive"]);
        var bench2 = new BenchService.BenchServiceClient(lenient.Channel);
        await bench2.RegisterSampleAsync(Bv25("S-CAL"));
        var run = await DriveToEndAsync(bench2, (await bench2.StartRunAsync(new StartRunRequest { SampleId = "S-CAL" })).RunId);
        Assert.Equal(RunState.Completed, run.State);
        var verdict = await new VerdictService.VerdictServiceClient(lenient.Channel).GetVerdictAsync(new GetVerdictRequest { RunId = run.RunId });
        Assert.NotEqual(Outcome.Pass, verdict.Outcome);
        Assert.All(verdict.Tests, t =>
        {
            Assert.Equal(Outcome.Inconclusive, t.Outcome);
            Assert.Equal("calibration_overdue", t.ReasonCode);
            Assert.Contains(t.Instruments, i => i.CalibrationOverdue);
        });
    }
}
