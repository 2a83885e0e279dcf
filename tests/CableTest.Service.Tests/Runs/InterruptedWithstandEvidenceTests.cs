using CableTest.Contracts.V1;

namespace CableTest.Service.Tests.Runs;

/// <summary>
/// Issue 12 item 3 on the simulated bench: scenario interlock-bv-2.5 opens the cage door 90 s into the withstand
/// dwell. The verdict states the time actually held, that the dwell was interrupted, the tolerance window, and the
/// ids of the readings taken up to the stop.
/// </summary>
public sealed class InterruptedWithstandEvidenceTests
{
    [Fact]
    public async Task InterlockAt90sOfTheDwell_HeldTimeWindowAndReadingIdsInTheEvidence()
    {
        await using var service = await InProcessService.StartAsync(true,
            ["--Bench:Simulator:TimeScale=30", "--Bench:PollInterval=00:00:00.05", "--Bench:ResistanceReadings=1", "--Bench:Simulator:Scenario=interlock-bv-2.5"]);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25("S-DOOR"));

        var run = await RunOnSimulatedBenchTests.DriveToEndAsync(bench, (await bench.StartRunAsync(new StartRunRequest { SampleId = "S-DOOR", OperatorName = "tech" })).RunId);

        var vw = run.Steps.Single(s => s.StepId == "vw").Verdict;
        Assert.NotNull(vw);
        Assert.NotEqual(Outcome.Pass, vw.Outcome);
        var e = vw.VoltageWithstand;
        Assert.True(e.Interrupted, vw.ToString());
        Assert.InRange(e.HeldS, 80, 90.5);   // polled every 1.5 s of bench time up to the door at 90 s
        Assert.Equal((2.425, 2.575), (e.LowerKv, e.UpperKv));
        Assert.NotEmpty(vw.ReadingIds);
        Assert.All(vw.ReadingIds, id => Assert.StartsWith(run.RunId + "/vw/", id, StringComparison.Ordinal));
    }
}
