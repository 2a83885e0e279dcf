using CableTest.Contracts.V1;
using CableTest.HardwareSim;
using CableTest.HardwareSim.Serving;
using CableTest.Instruments.Drivers;
using CableTest.Instruments.Fixtures;
using CableTest.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CableTest.Service.Tests.Runs;

/// <summary>
/// Bench readiness and honest status with the real simulator: a withstand tester whose high voltage could not be
/// confirmed off is unhealthy with the reason (issue 16), unreachable instruments are named, and status shows the
/// line's protocol.
/// </summary>
public sealed class BenchReadinessTests
{
    private static readonly InstrumentRole[] AllRoles = Enum.GetValues<InstrumentRole>();

    private static Service.Bench.Bench Bench(InProcessService service) => service.Services.GetRequiredService<Service.Bench.Bench>();

    /// <summary>The simulator's four devices configured as a real bench: the hipot on the RS-485 bus it shares with the ambient sensor.</summary>
    private static string[] ConfiguredBench(SimulatedBench sim)
    {
        (string Id, SimulatedEndpoint Endpoint)[] instruments =
        [
            ("OHM-1", sim.Endpoint("conductor_resistance_meter")),
            ("IR-1", sim.Endpoint("insulation_tester")),
            ("HV-1", sim.Endpoint("withstand_tester", "modbus-rtu")),
            ("TH-1", sim.Endpoint("ambient_sensor")),
        ];
        return
        [
            .. instruments.SelectMany((x, i) => new[]
            {
                $"--Bench:Instruments:{i}:Id={x.Id}",
                $"--Bench:Instruments:{i}:Role={x.Endpoint.Role}",
                $"--Bench:Instruments:{i}:Profile={x.Endpoint.Profile}",
                $"--Bench:Instruments:{i}:Endpoint={x.Endpoint.Endpoint}",
                $"--Bench:Instruments:{i}:UnitId={Math.Max(1, x.Endpoint.UnitId)}",
                $"--Bench:Instruments:{i}:CalibrationDue=2099-12-31",
            }),
        ];
    }

    /// <summary>Asks until the bench is ready, for at most a minute (a unit that timed out is skipped by its master for a backoff of 1 s, doubling); the last answer.</summary>
    private static async Task<IReadOnlyList<string>> ReadyAsync(Service.Bench.Bench bench)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var problems = await bench.ReadinessAsync(AllRoles, CancellationToken.None);
            if (problems.Count == 0 || deadline.IsCancellationRequested)
            {
                return problems;
            }

            await Task.Delay(250, CancellationToken.None);
        }
    }

    [Fact]
    public async Task StartupCouldNotReachHipot_StatusUnhealthyWithReason_ReadinessSaysSo_UntilConfirmed()
    {
        using var dir = new TempDirectory("cabletest-readiness");
        await using var sim = await SimulatedBench.StartAsync(new SimulatedBenchOptions { Scenario = "good-bv-2.5", WorkDirectory = dir.Path }, CancellationToken.None);
        sim.InjectFault("withstand_tester", FaultKind.NoReply);

        await using var service = await InProcessService.StartAsync(true, ConfiguredBench(sim));
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
        Assert.IsType<OperatorCoreSwitch>(bench.Cores);

        // Above all the high voltage: even a run that needs only the micro-ohmmeter is not ready.
        var problems = bench.Readiness([InstrumentRole.ConductorResistanceMeter]);
        Assert.Contains(problems, p => p.Contains("HV-1", StringComparison.Ordinal) && p.Contains("high voltage not confirmed off", StringComparison.Ordinal));

        // Still unreachable when asked again.
        Assert.NotEmpty(await bench.ReadinessAsync(AllRoles, CancellationToken.None));
        Assert.False((await client.GetBenchStatusAsync(new GetBenchStatusRequest())).Instruments.Single(i => i.Identity.InstrumentId == "HV-1").Healthy);

        // The hipot answers again: asking again (once the master's backoff for the silent unit has passed) confirms the safe state.
        sim.ClearFaults();
        Assert.Empty(await ReadyAsync(bench));
        hv = (await client.GetBenchStatusAsync(new GetBenchStatusRequest())).Instruments.Single(i => i.Identity.InstrumentId == "HV-1");
        Assert.True(hv.Healthy, hv.LastError);
        Assert.Equal("", hv.LastError);
    }

    [Fact]
    public async Task EmbeddedBench_InstrumentStopsAnswering_ReadinessNamesIt_SafeStateFailureMarksHipot()
    {
        await using var service = await InProcessService.StartAsync(true, RunOnSimulatedBenchTests.FastBench);
        var bench = Bench(service);
        var sim = bench.Simulator!;
        Assert.Empty(bench.Readiness(AllRoles));
        Assert.IsNotType<OperatorCoreSwitch>(bench.Cores);

        sim.InjectFault("conductor_resistance_meter", FaultKind.NoReply);
        var problems = await bench.ReadinessAsync([InstrumentRole.ConductorResistanceMeter], CancellationToken.None);
        Assert.Contains(problems, p => p.StartsWith("SIM-OHM (conductor_resistance_meter) is not ready", StringComparison.Ordinal));

        sim.InjectFault("withstand_tester", FaultKind.NoReply);
        Assert.False(await bench.MakeSafeAsync("test: hipot silent"));
        var hv = bench.Instruments.Single(i => i.Role == InstrumentRole.WithstandTester);
        Assert.False(hv.Healthy);
        Assert.Contains("high voltage not confirmed off (test: hipot silent)", hv.Problem, StringComparison.Ordinal);
        Assert.False(bench.Safety!.LastConfirmation!.Confirmed);

        sim.ClearFaults();
        Assert.Empty(await ReadyAsync(bench));
        Assert.True(hv.Healthy);
    }
}
