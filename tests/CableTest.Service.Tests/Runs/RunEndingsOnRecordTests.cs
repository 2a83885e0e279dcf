using CableTest.Contracts.V1;
using CableTest.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace CableTest.Service.Tests.Runs;

/// <summary>
/// Issue 11 must-show: an aborted run and a SIGKILL-interrupted run each appear exactly once in StreamVerdicts (outcome,
/// reason, step), each has a report, and the LIMS resume cursor delivers every record exactly once across restarts.
/// The real service process, killed with SIGKILL.
/// </summary>
public sealed class RunEndingsOnRecordTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static async Task<Run> WaitForPromptAsync(BenchService.BenchServiceClient bench, string runId, string stepId)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var run = await bench.GetRunAsync(new GetRunRequest { RunId = runId }, cancellationToken: cts.Token);
            if (run.PendingPrompt is { PromptId.Length: > 0 } prompt)
            {
                if (prompt.PromptId.StartsWith(stepId + "-", StringComparison.Ordinal))
                {
                    return run;
                }

                await bench.AnswerPromptAsync(new AnswerPromptRequest { RunId = runId, PromptId = prompt.PromptId, Acknowledged = true, OperatorName = "tech" }, cancellationToken: cts.Token);
            }

            await Task.Delay(25, cts.Token);
        }
    }

    private static async Task<List<Verdict>> BacklogAsync(VerdictService.VerdictServiceClient verdicts, StreamVerdictsRequest request)
    {
        request.BacklogOnly = true;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var call = verdicts.StreamVerdicts(request, cancellationToken: cts.Token);
        var got = new List<Verdict>();
        while (await call.ResponseStream.MoveNext(cts.Token))
        {
            got.Add(call.ResponseStream.Current);
        }

        return got;
    }

    [Fact]
    public async Task AbortedAndSigkilledRuns_EachOnceInTheFeed_WithReasonAndStep_AndAReport_ResumeExactlyOnce()
    {
        using var data = new TempDirectory("svc-endings");
        var dotnet = RequiredTool.Find("dotnet", "dotnet-sdk");
        var port = FreeTcpPort.Next();
        string[] args = [ServiceProcessTests.ServiceDll, "--urls", $"http://127.0.0.1:{port}", "--DataDirectory", data.Path, .. RunOnSimulatedBenchTests.FastBench];
        string aborted, killed;
        ulong firstSequence;
        await using (var first = ExternalProcess.Start(dotnet, args))
        {
            await first.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(90));
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            var bench = new BenchService.BenchServiceClient(channel);
            var verdicts = new VerdictService.VerdictServiceClient(channel);
            await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25("S-ABORT"));
            await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25("S-KILL"));

            aborted = (await bench.StartRunAsync(new StartRunRequest { SampleId = "S-ABORT", OperatorName = "alice" })).RunId;
            await WaitForPromptAsync(bench, aborted, "ir-1");
            var end = await bench.AbortRunAsync(new AbortRunRequest { RunId = aborted, Reason = "wrong sample on the bench" });
            Assert.Equal(RunState.Aborted, end.State);
            Assert.Equal(RunStep.Types.State.Aborted, end.Steps.Single(s => s.StepId == "ir-1").State);
            Assert.Equal(RunStep.Types.State.Done, end.Steps.Single(s => s.StepId == "cr-1").State);

            // The LIMS books the first record, then the service dies mid-run.
            var booked = await BacklogAsync(verdicts, new StreamVerdictsRequest { Subscriber = "lims" });
            firstSequence = Assert.Single(booked).Sequence;
            await verdicts.AcknowledgeVerdictsAsync(new AcknowledgeVerdictsRequest { Subscriber = "lims", UpToSequence = firstSequence });

            killed = (await bench.StartRunAsync(new StartRunRequest { SampleId = "S-KILL", OperatorName = "bob" })).RunId;
            await WaitForPromptAsync(bench, killed, "vw");
            first.Kill();
        }

        for (var restart = 0; restart < 2; restart++)
        {
            await using var next = ExternalProcess.Start(dotnet, args);
            await next.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(90));
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            var bench = new BenchService.BenchServiceClient(channel);
            var verdicts = new VerdictService.VerdictServiceClient(channel);
            Assert.Equal(RunState.Incomplete, (await bench.GetRunAsync(new GetRunRequest { RunId = killed })).State);

            var all = await BacklogAsync(verdicts, new StreamVerdictsRequest { Subscriber = "auditor", AfterSequence = 0 });
            output.WriteLine($"restart {restart + 1}: feed holds {string.Join(", ", all.Select(v => $"#{v.Sequence} {v.RunId} {v.Outcome} {v.Ending?.Kind} at {v.Ending?.StepId}: {v.Ending?.Reason}"))}");
            Assert.Equal([aborted, killed], all.Select(v => v.RunId));
            Assert.Equal([firstSequence, firstSequence + 1], all.Select(v => v.Sequence));

            var abortRecord = all[0];
            Assert.Equal(Outcome.Incomplete, abortRecord.Outcome);
            Assert.Equal("aborted", abortRecord.Ending.Kind);
            Assert.Equal("ir-1", abortRecord.Ending.StepId);
            Assert.Contains("wrong sample on the bench", abortRecord.Ending.Reason, StringComparison.Ordinal);
            Assert.True(abortRecord.Ending.HighVoltageConfirmedOff);
            Assert.Contains(abortRecord.Tests, t => t.Kind == TestKind.ConductorResistance && t.Outcome == Outcome.Pass);

            var killRecord = all[1];
            Assert.Equal(Outcome.Incomplete, killRecord.Outcome);
            Assert.Equal("interrupted", killRecord.Ending.Kind);
            Assert.Equal("vw", killRecord.Ending.StepId);
            Assert.Contains("interrupted", killRecord.Ending.Reason, StringComparison.Ordinal);

            // The LIMS resumes from its cursor: the interrupted run's record, once, the first time; nothing after it is booked.
            var resumed = await BacklogAsync(verdicts, new StreamVerdictsRequest { Subscriber = "lims" });
            if (restart == 0)
            {
                Assert.Equal([killed], resumed.Select(v => v.RunId));
                await verdicts.AcknowledgeVerdictsAsync(new AcknowledgeVerdictsRequest { Subscriber = "lims", UpToSequence = resumed[0].Sequence });
            }
            else
            {
                Assert.Empty(resumed);
            }

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var abortReport = await http.GetStringAsync($"/reports/{aborted}.html");
            Assert.Contains("aborted", abortReport, StringComparison.Ordinal);
            Assert.Contains("wrong sample on the bench", abortReport, StringComparison.Ordinal);
            var killReport = await http.GetStringAsync($"/reports/{killed}.html");
            Assert.Contains("interrupted", killReport, StringComparison.Ordinal);
            Assert.Contains("中断（服务停止或崩溃）", killReport, StringComparison.Ordinal);

            // The technician's dashboard in Chinese: the service's own words of the ending come in Chinese too.
            using var results = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"/dashboard/runs/{killed}/results"));
            var ending = results.RootElement.GetProperty("ending");
            Assert.StartsWith("interrupted (service stopped or crashed); ", ending.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("中断（服务停止或崩溃）; 重启时", ending.GetProperty("reasonZh").GetString(), StringComparison.Ordinal);
        }
    }
}
