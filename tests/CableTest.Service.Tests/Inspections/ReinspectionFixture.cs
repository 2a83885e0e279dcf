using CableTest.Contracts.V1;
using CableTest.Service.Tests.Runs;

namespace CableTest.Service.Tests.Inspections;

/// <summary>
/// One service with a sample run twice on the simulated bench (the run and its re-inspection), a sample run once, and
/// seeded verdicts without uncertainty budgets (R-00001 and R-00004: sample S-1, pass and fail).
/// </summary>
public sealed class ReinspectionFixture : IAsyncLifetime
{
    public const string SampleId = "S-REINSPECT-1";
    public const string SingleSampleId = "S-SINGLE-1";

    public InProcessService Service { get; private set; } = null!;

    public Run First { get; private set; } = null!;

    public Run Second { get; private set; } = null!;

    public Run Single { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Service = await InProcessService.StartAsync(false, [.. RunOnSimulatedBenchTests.FastBench, "--Bench:Simulator:Scenario=good-bv-2.5"]);
        await VerdictSeeds.AppendAsync(Service.Store, 1, 4);
        var bench = new BenchService.BenchServiceClient(Service.Channel);
        var technician = InProcessService.ApiKey(InProcessService.TechnicianKey);
        await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25(SampleId), technician);
        await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25(SingleSampleId), technician);
        First = await RunAsync(bench, SampleId);
        Second = await RunAsync(bench, SampleId);
        Single = await RunAsync(bench, SingleSampleId);
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();

    private static async Task<Run> RunAsync(BenchService.BenchServiceClient bench, string sampleId)
    {
        var technician = InProcessService.ApiKey(InProcessService.TechnicianKey);
        var started = await bench.StartRunAsync(new StartRunRequest { SampleId = sampleId, OperatorName = "Wang Fang" }, technician);
        var run = await RunOnSimulatedBenchTests.DriveToEndAsync(bench, started.RunId, technician);
        Assert.True(run.State == RunState.Completed, run.ToString());
        return run;
    }
}
