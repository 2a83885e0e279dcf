using CableTest.Contracts.V1;
using CableTest.HardwareSim;
using CableTest.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CableTest.Service.Tests.Runs;

/// <summary>
/// Issue 12 item 2 on the simulated bench (real ptys): the insulation test of an IEC 60227 sample is made in the water bath
/// at 70 °C, its temperature read from the bath thermometer (sim-bath, unit 3 on the RS-485 bus) and named in the verdict;
/// without a bath thermometer the configured Bench:WaterBathTemperatureC is the fallback, flagged.
/// </summary>
public sealed class BathTemperatureTests
{
    private const string FallbackWarning = "test temperature 70 °C is the configured water-bath temperature (Bench:WaterBathTemperatureC), not a measured one";

    [Fact]
    public async Task WetSample_FailsInsulationResistanceAtTheMeasuredBathTemperature()
    {
        await using var service = await InProcessService.StartAsync(true, [.. RunOnSimulatedBenchTests.FastBench, "--Bench:Simulator:Scenario=wet-bv-2.5"]);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25("S-WET"));

        var run = await RunOnSimulatedBenchTests.DriveToEndAsync(bench, (await bench.StartRunAsync(new StartRunRequest { SampleId = "S-WET", OperatorName = "tech" })).RunId);
        var verdict = await new VerdictService.VerdictServiceClient(service.Channel).GetVerdictAsync(new GetVerdictRequest { RunId = run.RunId });

        Assert.Equal(Outcome.Fail, verdict.Outcome);
        var test = Assert.Single(verdict.Tests, t => t.Kind == TestKind.InsulationResistance);
        Assert.Equal(Outcome.Fail, test.Outcome);
        var e = test.InsulationResistance;
        Assert.Equal("SIM-BATH", e.TemperatureSource);
        Assert.InRange(e.TestTemperatureC, 69, 71);
        Assert.Equal(0.010, e.Minimum, 6);
        Assert.True(e.RLMohmKm < 0.010, e.ToString());   // about 0.0006 MΩ·km at 70 °C (0.036 at the lab's 21.5 °C)
        Assert.DoesNotContain(FallbackWarning, test.Warnings);
        Assert.Contains(test.Instruments, i => i.InstrumentId == "SIM-BATH");
        Assert.Equal(Outcome.Pass, Assert.Single(verdict.Tests, t => t.Kind == TestKind.ConductorResistance).Outcome);
        Assert.Equal((uint)3, verdict.EvidenceVersion);
        Assert.All(verdict.Tests.Where(t => t.ConductorResistance is not null || t.InsulationResistance is not null),
            t => Assert.False(string.IsNullOrEmpty(t.ConductorResistance?.TemperatureSource ?? t.InsulationResistance.TemperatureSource), t.ToString()));
    }

    [Fact]
    public async Task BenchWithoutBathThermometer_ConfiguredTemperatureIsTheFallback_FlaggedInTheVerdict()
    {
        using var dir = new TempDirectory("cabletest-bath");
        await using var sim = await SimulatedBench.StartAsync(new SimulatedBenchOptions { Scenario = "good-bv-2.5", WorkDirectory = dir.Path, TimeScale = 300 }, CancellationToken.None);
        await using var service = await InProcessService.StartAsync(true, StandaloneBench.Arguments(sim, withBath: false));
        Assert.Empty(await StandaloneBench.ReadyAsync(service.Services.GetRequiredService<Service.Bench.Bench>(), StandaloneBench.RequiredRoles));
        var bench = new BenchService.BenchServiceClient(service.Channel);
        await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25("S-NOBATH"));

        var run = await RunOnSimulatedBenchTests.DriveToEndAsync(bench, (await bench.StartRunAsync(new StartRunRequest { SampleId = "S-NOBATH", OperatorName = "tech" })).RunId);
        var verdict = await new VerdictService.VerdictServiceClient(service.Channel).GetVerdictAsync(new GetVerdictRequest { RunId = run.RunId });

        var test = Assert.Single(verdict.Tests, t => t.Kind == TestKind.InsulationResistance);
        Assert.Equal("Bench:WaterBathTemperatureC (configured, not measured)", test.InsulationResistance.TemperatureSource);
        Assert.Equal(70, test.InsulationResistance.TestTemperatureC, 6);
        Assert.Contains(FallbackWarning, test.Warnings);
        Assert.Equal("TH-1", Assert.Single(verdict.Tests, t => t.Kind == TestKind.ConductorResistance).ConductorResistance.TemperatureSource);
    }
}
