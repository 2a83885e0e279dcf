using CableTest.Contracts.V1;
using CableTest.HardwareSim;
using CableTest.HardwareSim.Serving;
using CableTest.Instruments.Drivers;
using CableTest.Instruments.Fixtures;
using CableTest.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CableTest.Service.Tests.Runs;

/// <summary>
/// Bench readiness and honest status with the real simulator (issue 16 item 2): a withstand tester whose high voltage
/// could not be confirmed off is unhealthy with the reason, unreachable instruments are named, status shows the line's
/// protocol, and the RS-485 bus has one owner.
/// </summary>
public sealed class BenchReadinessTests
{
    private static Service.Bench.Bench Bench(InProcessService service) => service.Services.GetRequiredService<Service.Bench.Bench>();

    [Fact]
    public async Task StartupCouldNotReachHipot_StatusUnhealthyWithReason_ReadinessSaysSo_UntilConfirmed()
    {
        using var dir = new TempDirectory("cabletest-readiness");
        await using var sim = await SimulatedBench.StartAsync(new SimulatedBenchOptions { Scenario = "good-bv-2.5", WorkDirectory = dir.Path }, CancellationToken.None);
        sim.InjectFault("withstand_tester", FaultKind.NoReply);

        await using var service = await InProcessService.StartAsync(true, StandaloneBench.Arguments(sim));
        var bench = Bench(service);
        var client = new BenchService.BenchServiceClient(service.Channel);

        var status = await client.GetBenchStatusAsync(new GetBenchStatusRequest());
        var hv = status.Instruments.Single(i => i.Identity.InstrumentId == "HV-1");
        Assert.False(hv.Healthy);
        Assert.Contains("high voltage not confirmed off (service start)", hv.LastError, StringComparison.Ordinal);
        // The line's protocol: the sim-hipot profile defaults to Modbus TCP, but this line is the RS-485 bus.
        Assert.Equal("modbus-rtu", hv.Protocol);
        Assert.Equal("modbus-rtu", status.Instruments.Single(i => i.Identity.InstrumentId == "TH-1").Protocol);
        Assert.Equal("scpi", status.Instruments.Single(i => i.Identity.InstrumentId == "OHM-1").Protocol);
        Assert.True(status.Instruments.Single(i => i.Identity.InstrumentId == "TH-1").Healthy, "the ambient sensor shares the bus and answers");
        Assert.IsType<OperatorCoreSwitch>(bench.Cores);

        // Above all the high voltage: even a run that needs only the micro-ohmmeter is not ready, and the tester comes first.
        var problems = bench.Readiness([InstrumentRole.ConductorResistanceMeter]);
        Assert.Equal(("HV-1", Service.Bench.BenchProblem.HighVoltageNotConfirmedOff), (problems[0].Subject, problems[0].Kind));
        Assert.Single(problems);

        // Still silent when asked again.
        problems = await bench.ReadinessAsync(StandaloneBench.AllRoles, CancellationToken.None);
        Assert.Contains("HV-1 (withstand_tester) does not answer, so its high voltage cannot be confirmed off", Assert.Single(problems).Description, StringComparison.Ordinal);
        Assert.False((await client.GetBenchStatusAsync(new GetBenchStatusRequest())).Instruments.Single(i => i.Identity.InstrumentId == "HV-1").Healthy);

        // The hipot answers again: asking again (once the master's backoff for the silent unit has passed) confirms the safe state.
        sim.ClearFaults();
        Assert.Empty(await StandaloneBench.ReadyAsync(bench));
        hv = (await client.GetBenchStatusAsync(new GetBenchStatusRequest())).Instruments.Single(i => i.Identity.InstrumentId == "HV-1");
        Assert.True(hv.Healthy, hv.LastError);
        Assert.Equal("", hv.LastError);
        Assert.Equal("readiness check before a run", bench.Safety!.LastConfirmation!.Reason);
    }

    [Fact]
    public async Task EmbeddedBench_InstrumentStopsAnswering_ReadinessNamesIt_SafeStateFailureMarksHipot()
    {
        await using var service = await InProcessService.StartAsync(true, RunOnSimulatedBenchTests.FastBench);
        var bench = Bench(service);
        var sim = bench.Simulator!;
        Assert.Empty(await bench.ReadinessAsync(StandaloneBench.AllRoles, CancellationToken.None));
        Assert.IsNotType<OperatorCoreSwitch>(bench.Cores);

        // Healthy at start, silent now: only asking finds out.
        sim.InjectFault("conductor_resistance_meter", FaultKind.NoReply);
        Assert.Empty(bench.Readiness([InstrumentRole.ConductorResistanceMeter]));
        var problem = Assert.Single(await bench.ReadinessAsync([InstrumentRole.ConductorResistanceMeter], CancellationToken.None));
        Assert.Equal(("SIM-OHM", Service.Bench.BenchProblem.Unreachable), (problem.Subject, problem.Kind));
        Assert.StartsWith("SIM-OHM (conductor_resistance_meter) does not answer: ", problem.Description, StringComparison.Ordinal);
        Assert.False(bench.Instrument(InstrumentRole.ConductorResistanceMeter).Healthy);
        // A run that does not need it is not held back by it.
        Assert.Empty(await bench.ReadinessAsync([InstrumentRole.InsulationTester], CancellationToken.None));

        sim.InjectFault("withstand_tester", FaultKind.NoReply);
        Assert.False(await bench.MakeSafeAsync("test: hipot silent"));
        var hv = bench.Instrument(InstrumentRole.WithstandTester);
        Assert.False(hv.Healthy);
        Assert.Contains("high voltage not confirmed off (test: hipot silent)", hv.Problem, StringComparison.Ordinal);
        Assert.False(bench.Safety!.LastConfirmation!.Confirmed);

        sim.ClearFaults();
        Assert.Empty(await StandaloneBench.ReadyAsync(bench));
        Assert.True(hv.Healthy, hv.Problem);
        Assert.True(bench.Instrument(InstrumentRole.ConductorResistanceMeter).Healthy);
    }
}
