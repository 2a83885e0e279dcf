using CableTest.Contracts.V1;
using CableTest.Testing;

namespace CableTest.Service.Tests.Runs;

/// <summary>
/// Issue 11 must-show "all existing behaviour kept": the data directory written by main at 1a12e46 (tests/fixtures, run
/// documents as V1.Run proto-JSON, recordings without run parameters) opens in the rewired service: its runs and
/// verdicts are served as they were, and replaying its recorded pass and fail runs matches them exactly.
/// </summary>
public sealed class StoreFromEarlierMainTests
{
    private const string Pass = "run-20261202-213006-210d03";
    private const string Fail = "run-20261202-213107-50a036";

    private static void CopyFixture(string to)
    {
        var from = RepoPaths.InRepo("tests", "fixtures", "main-1a12e46");
        Directory.CreateDirectory(Path.Combine(to, "recordings"));
        File.Copy(Path.Combine(from, "cabletest.db"), Path.Combine(to, "cabletest.db"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(from, "recordings")))
        {
            File.Copy(file, Path.Combine(to, "recordings", Path.GetFileName(file)));
        }
    }

    [Fact]
    public async Task FixtureStore_RunsAndVerdictsServed_RecordedPassAndFailReplayWithoutADiff()
    {
        using var data = new TempDirectory("svc-main-1a12e46");
        CopyFixture(data.Path);
        await using var service = await InProcessService.StartAsync(true, "--DataDirectory", data.Path, "--Bench:Simulator:Seed=1", "--Bench:Simulator:TimeScale=600");
        var bench = new BenchService.BenchServiceClient(service.Channel);
        var verdicts = new VerdictService.VerdictServiceClient(service.Channel);

        var runs = await bench.ListRunsAsync(new ListRunsRequest { PageSize = 50 });
        Assert.Equal(5, runs.Runs.Count);
        Assert.Equal(RunState.Completed, (await bench.GetRunAsync(new GetRunRequest { RunId = Pass })).State);
        Assert.Equal(RunState.Completed, (await bench.GetRunAsync(new GetRunRequest { RunId = Fail })).State);
        Assert.Equal(RunState.Aborted, (await bench.GetRunAsync(new GetRunRequest { RunId = "run-20261202-213017-45ec24" })).State);

        var pass = await verdicts.GetVerdictAsync(new GetVerdictRequest { SampleId = "S-PASS" });
        var fail = await verdicts.GetVerdictAsync(new GetVerdictRequest { SampleId = "S-FAIL" });
        Assert.Equal(Outcome.Pass, pass.Outcome);
        Assert.Equal(Outcome.Fail, fail.Outcome);

        var replay = new ReplayService.ReplayServiceClient(service.Channel);
        foreach (var (runId, outcome) in new[] { (Pass, Outcome.Pass), (Fail, Outcome.Fail) })
        {
            var result = await replay.ReplayRunAsync(new ReplayRunRequest { RunId = runId });
            Assert.True(result.Divergences.Count == 0, runId + ": " + string.Join(" | ", result.Divergences));
            Assert.Equal(result.ExchangesRecorded, result.Exchanges);
            Assert.Equal(outcome, result.Replayed.Outcome);
            Assert.True(result.Diffs.Count == 0, runId + ": " + string.Join(" | ", result.Diffs.Select(d => $"{d.Path}: {d.Original} -> {d.Replayed}")));
            if (outcome == Outcome.Pass)
            {
                // Evidence version 2 states the withstand window the 1a12e46 document gave only in words: added, not a diff.
                Assert.Contains(result.AddedEvidence, d => d.Path.EndsWith("voltageWithstand.lowerKv", StringComparison.Ordinal) && d.Replayed == "2.425");
            }
        }
    }
}
