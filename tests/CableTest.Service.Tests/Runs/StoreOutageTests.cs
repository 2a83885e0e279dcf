using CableTest.Contracts.V1;
using CableTest.HardwareSim;
using CableTest.Testing;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CableTest.Service.Tests.Runs;

/// <summary>
/// Issue 16 item 5: a real PostgreSQL run store stopped mid-dwell and started again. The run stops safely (high voltage
/// off), the bench takes no new run while the ending is unsaved, and once the store is back the run is written as it
/// ended (incomplete, with the reason) and put on the record once, without a service restart.
/// </summary>
public sealed class StoreOutageTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] DwellBench = ["--Bench:Simulator:TimeScale=30", "--Bench:PollInterval=00:00:00.05", "--Bench:ResistanceReadings=1"];

    [Fact]
    public async Task PostgresStoppedMidDwell_RunStopsSafely_EndingWrittenWhenTheStoreReturns_WithoutRestart()
    {
        await using var postgres = new PostgresServer();
        await postgres.StartAsync();
        var connection = await postgres.CreateDatabaseAsync("outage");
        await using var service = await InProcessService.StartAsync(true, [.. DwellBench, "--Store:Provider=PostgreSql", $"--Store:ConnectionString={connection}"]);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        var sim = service.Services.GetRequiredService<Service.Bench.Bench>().Simulator!;
        await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25("S-PG"));
        var runId = (await bench.StartRunAsync(new StartRunRequest { SampleId = "S-PG", OperatorName = "tech" })).RunId;
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
        {
            while (true)
            {
                var run = await bench.GetRunAsync(new GetRunRequest { RunId = runId }, cancellationToken: cts.Token);
                if (run.PendingPrompt is { PromptId.Length: > 0 } prompt)
                {
                    await bench.AnswerPromptAsync(new AnswerPromptRequest { RunId = runId, PromptId = prompt.PromptId, Acknowledged = true }, cancellationToken: cts.Token);
                }

                if (run.Steps.Single(s => s.StepId == "vw") is { State: RunStep.Types.State.Running } && sim.GroundTruth().HighVoltageOn)
                {
                    break;
                }

                await Task.Delay(20, cts.Token);
            }
        }

        await postgres.StopAsync();
        output.WriteLine("PostgreSQL stopped during the dwell");

        // The run stops on its next store write and the bench goes safe; the ending waits for the store.
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (sim.GroundTruth().HighVoltageOn)
            {
                await Task.Delay(50, cts.Token);
            }
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => bench.StartRunAsync(new StartRunRequest { SampleId = "S-PG" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        output.WriteLine("during the outage: " + refused.Status.Detail);

        await postgres.RestartAsync();
        output.WriteLine("PostgreSQL started again");
        Run ended;
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
        {
            while (true)
            {
                try
                {
                    ended = await bench.GetRunAsync(new GetRunRequest { RunId = runId }, cancellationToken: cts.Token);
                    if (ended.State is RunState.Incomplete or RunState.Aborted or RunState.Completed)
                    {
                        break;
                    }
                }
                catch (RpcException)
                {
                    // The store's pool is reconnecting.
                }

                await Task.Delay(200, cts.Token);
            }
        }

        output.WriteLine($"closed without a restart: {ended.State} ({ended.EndReason}) at step {ended.Ending.StepId}");
        Assert.Equal(RunState.Incomplete, ended.State);
        Assert.Equal("faulted", ended.Ending.Kind);
        Assert.Equal("vw", ended.Ending.StepId);
        Assert.True(ended.Ending.HighVoltageConfirmedOff);
        Assert.Equal(RunStep.Types.State.Interrupted, ended.Steps.Single(s => s.StepId == "vw").State);
        Assert.False(sim.GroundTruth().HighVoltageOn);
        var stored = await service.Store.GetRunAsync(runId, CancellationToken.None);
        Assert.Equal("incomplete", stored!.State);
        var record = await new VerdictService.VerdictServiceClient(service.Channel).GetVerdictAsync(new GetVerdictRequest { RunId = runId });
        Assert.Equal(Outcome.Incomplete, record.Outcome);
        Assert.Equal(1L, await service.Store.GetLastSequenceAsync(CancellationToken.None));
        Assert.Equal("", (await bench.GetBenchStatusAsync(new GetBenchStatusRequest())).ActiveRunId);
    }
}
