using CableTest.Contracts.V1;
using CableTest.HardwareSim;
using CableTest.HardwareSim.Serving;
using CableTest.Testing;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CableTest.Service.Tests.Runs;

/// <summary>
/// Issue 16 item 4 and its must-shows: StartRun is refused with FAILED_PRECONDITION naming the instruments while one
/// the run needs is unreachable and, above all, while the withstand tester's high voltage cannot be confirmed off
/// (after a restart that could not confirm it); nothing moves: no run stored, no recording.
/// </summary>
public sealed class StartRunReadinessTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static IReadOnlyList<PreconditionFailure.Types.Violation> Violations(RpcException e) =>
        e.GetRpcStatus()!.Details.Single(d => d.Is(PreconditionFailure.Descriptor)).Unpack<PreconditionFailure>().Violations;

    private static async Task AssertNothingMovedAsync(BenchService.BenchServiceClient bench, InProcessService service)
    {
        Assert.Empty((await bench.ListRunsAsync(new ListRunsRequest())).Runs);
        var status = await bench.GetBenchStatusAsync(new GetBenchStatusRequest());
        Assert.Equal("", status.ActiveRunId);
        Assert.False(status.HighVoltageOn);
        var recordings = Path.Combine(service.DataDirectory, "recordings");
        Assert.True(!Directory.Exists(recordings) || Directory.GetFiles(recordings).Length == 0);
    }

    [Fact]
    public async Task RestartCouldNotConfirmHighVoltageOff_HipotUnhealthy_StartRunRefusedNamingIt_UntilItAnswers()
    {
        using var dir = new TempDirectory("cabletest-restart-hv");
        using var data = new TempDirectory("cabletest-restart-data");
        await using var sim = await SimulatedBench.StartAsync(new SimulatedBenchOptions { Scenario = "good-bv-2.5", WorkDirectory = dir.Path }, CancellationToken.None);
        string[] args = [.. StandaloneBench.Arguments(sim), "--DataDirectory", data.Path];

        // First life: high voltage confirmed off at start, the tester healthy.
        await using (var first = await InProcessService.StartAsync(true, args))
        {
            var status = await new BenchService.BenchServiceClient(first.Channel).GetBenchStatusAsync(new GetBenchStatusRequest());
            Assert.True(status.Instruments.Single(i => i.Identity.InstrumentId == "HV-1").Healthy);
            await new BenchService.BenchServiceClient(first.Channel).RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25("S-HV"));
        }

        // The tester falls silent; the restart cannot confirm its output off.
        sim.InjectFault("withstand_tester", FaultKind.NoReply);
        await using var service = await InProcessService.StartAsync(true, args);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        var hv = (await bench.GetBenchStatusAsync(new GetBenchStatusRequest())).Instruments.Single(i => i.Identity.InstrumentId == "HV-1");
        output.WriteLine($"after restart: healthy={hv.Healthy} last_error={hv.LastError}");
        Assert.False(hv.Healthy);
        Assert.StartsWith("high voltage not confirmed off (service start)", hv.LastError, StringComparison.Ordinal);

        // A run that needs only the micro-ohmmeter is refused all the same, naming the tester.
        var refused = await Assert.ThrowsAsync<RpcException>(() => bench.StartRunAsync(new StartRunRequest
        {
            SampleId = "S-HV", OperatorName = "tech", RequestId = "req-hv", Tests = { TestKind.ConductorResistance },
        }).ResponseAsync);
        output.WriteLine($"StartRun: {refused.StatusCode} {refused.Status.Detail}");
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var violation = Assert.Single(Violations(refused));
        Assert.Equal(("high_voltage_not_confirmed_off", "HV-1"), (violation.Type, violation.Subject));
        Assert.Contains("HV-1 (withstand_tester)", refused.Status.Detail, StringComparison.Ordinal);
        await AssertNothingMovedAsync(bench, service);

        // The tester answers again: once the bench is ready the same request starts (its request id was not claimed).
        sim.ClearFaults();
        Assert.Empty(await StandaloneBench.ReadyAsync(service.Services.GetRequiredService<Service.Bench.Bench>()));
        var run = await bench.StartRunAsync(new StartRunRequest { SampleId = "S-HV", OperatorName = "tech", RequestId = "req-hv", Tests = { TestKind.ConductorResistance } });
        Assert.True((await bench.GetBenchStatusAsync(new GetBenchStatusRequest())).Instruments.Single(i => i.Identity.InstrumentId == "HV-1").Healthy);
        await bench.AbortRunAsync(new AbortRunRequest { RunId = run.RunId, Reason = "test over" });
    }

    [Fact]
    public async Task MetersUnreachable_StartRunRefusedNamingEach_RunWithoutThemStarts()
    {
        await using var service = await InProcessService.StartAsync(true, RunOnSimulatedBenchTests.FastBench);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25("S-DOWN"));
        var sim = service.Services.GetRequiredService<Service.Bench.Bench>().Simulator!;
        sim.InjectFault("conductor_resistance_meter", FaultKind.NoReply);
        sim.InjectFault("insulation_tester", FaultKind.NoReply);

        var refused = await Assert.ThrowsAsync<RpcException>(() => bench.StartRunAsync(new StartRunRequest { SampleId = "S-DOWN", OperatorName = "tech" }).ResponseAsync);
        output.WriteLine($"StartRun: {refused.StatusCode} {refused.Status.Detail}");
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal(
            [("instrument_unreachable", "SIM-OHM"), ("instrument_unreachable", "SIM-IR")],
            Violations(refused).Select(v => (v.Type, v.Subject)).Order().Reverse().ToArray());
        Assert.Contains("SIM-OHM (conductor_resistance_meter) does not answer", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("SIM-IR (insulation_tester) does not answer", refused.Status.Detail, StringComparison.Ordinal);
        await AssertNothingMovedAsync(bench, service);
        var status = await bench.GetBenchStatusAsync(new GetBenchStatusRequest());
        Assert.Equal(["SIM-IR", "SIM-OHM"], status.Instruments.Where(i => !i.Healthy).Select(i => i.Identity.InstrumentId).Order().ToArray());

        // The withstand test needs neither meter: it starts (high voltage confirmed off, the tester answering).
        var run = await bench.StartRunAsync(new StartRunRequest { SampleId = "S-DOWN", OperatorName = "tech", Tests = { TestKind.VoltageWithstand } });
        await bench.AbortRunAsync(new AbortRunRequest { RunId = run.RunId, Reason = "test over" });
    }

    [Fact]
    public async Task BenchBusy_AnsweredBeforeAskingTheInstruments()
    {
        await using var service = await InProcessService.StartAsync(true, RunOnSimulatedBenchTests.FastBench);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25("S-BUSY"));
        var run = await bench.StartRunAsync(new StartRunRequest { SampleId = "S-BUSY", OperatorName = "tech", Tests = { TestKind.VoltageWithstand } });
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while ((await bench.GetRunAsync(new GetRunRequest { RunId = run.RunId }, cancellationToken: wait.Token)).PendingPrompt is null)
            {
                await Task.Delay(50, wait.Token);
            }
        }

        // The running withstand test waits at the cage prompt; the micro-ohmmeter, which it does not use, falls silent.
        // Had the instruments been asked first, the answer would name SIM-OHM.
        service.Services.GetRequiredService<Service.Bench.Bench>().Simulator!.InjectFault("conductor_resistance_meter", FaultKind.NoReply);
        var refused = await Assert.ThrowsAsync<RpcException>(() => bench.StartRunAsync(new StartRunRequest { SampleId = "S-BUSY", OperatorName = "tech" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal(("bench_busy", run.RunId), Assert.Single(Violations(refused)) is var v ? (v.Type, v.Subject) : default);
        await bench.AbortRunAsync(new AbortRunRequest { RunId = run.RunId, Reason = "test over" });
    }
}
