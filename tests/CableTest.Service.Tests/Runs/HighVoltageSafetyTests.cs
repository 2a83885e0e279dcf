using System.Diagnostics;
using CableTest.Contracts.V1;
using CableTest.HardwareSim;
using CableTest.Testing;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CableTest.Service.Tests.Runs;

/// <summary>High voltage on the simulated bench: interlock, shutdown and SIGKILL during a dwell.</summary>
public sealed class HighVoltageSafetyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // Slow enough that a 5-minute dwell lasts 10 s of wall time.
    private static readonly string[] DwellBench = ["--Bench:Simulator:TimeScale=30", "--Bench:PollInterval=00:00:00.05", "--Bench:ResistanceReadings=1"];

    private static SimulatedBench Simulator(InProcessService service) =>
        service.Services.GetRequiredService<Service.Bench.Bench>().Simulator!;

    /// <summary>Answers prompts until the withstand dwell is under way with voltage on.</summary>
    private static async Task<Run> DriveIntoDwellAsync(BenchService.BenchServiceClient bench, string runId, Func<bool> highVoltageOn)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var run = await bench.GetRunAsync(new GetRunRequest { RunId = runId }, cancellationToken: cts.Token);
            Assert.True(run.State is not (RunState.Completed or RunState.Aborted or RunState.Incomplete), "run ended before the dwell: " + run);
            if (run.PendingPrompt is { } prompt)
            {
                await bench.AnswerPromptAsync(new AnswerPromptRequest { RunId = runId, PromptId = prompt.PromptId, Acknowledged = true }, cancellationToken: cts.Token);
            }

            var vw = run.Steps.FirstOrDefault(s => s.StepId == "vw");
            if (vw is { State: RunStep.Types.State.Running, Progress: > 0.1 } && highVoltageOn())
            {
                return run;
            }

            await Task.Delay(20, cts.Token);
        }
    }

    [Fact]
    public async Task InterlockOpenedDuringDwell_OutputDropsAndRunStopsWithinBound_NeverPass()
    {
        await using var service = await InProcessService.StartAsync(true, DwellBench);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        var sim = Simulator(service);
        await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25("S-IL"));
        var run = await bench.StartRunAsync(new StartRunRequest { SampleId = "S-IL" });
        await DriveIntoDwellAsync(bench, run.RunId, () => sim.GroundTruth().HighVoltageOn);

        var opened = Stopwatch.GetTimestamp();
        sim.SetInterlock(false);
        Assert.False(sim.GroundTruth().HighVoltageOn);
        Run current;
        while (true)
        {
            current = await bench.GetRunAsync(new GetRunRequest { RunId = run.RunId });
            if (current.Steps.Single(s => s.StepId == "vw").State != RunStep.Types.State.Running)
            {
                break;
            }

            Assert.True(Stopwatch.GetElapsedTime(opened) < TimeSpan.FromSeconds(5), "withstand step still running 5 s after the interlock opened");
            await Task.Delay(10);
        }

        var stopped = Stopwatch.GetElapsedTime(opened);
        output.WriteLine($"withstand step stopped {stopped.TotalMilliseconds:0} ms after the interlock opened");
        Assert.True(stopped < TimeSpan.FromSeconds(2), $"the orchestrator took {stopped.TotalMilliseconds:0} ms to stop the withstand after the interlock opened");
        var final = await RunOnSimulatedBenchTests.DriveToEndAsync(bench, run.RunId);
        Assert.NotEqual(Outcome.Pass, final.Outcome);
        var vw = final.Steps.Single(s => s.StepId == "vw").Verdict;
        Assert.NotNull(vw);
        Assert.NotEqual(Outcome.Pass, vw.Outcome);
        Assert.False(sim.GroundTruth().HighVoltageOn);
        Assert.False((await bench.GetBenchStatusAsync(new GetBenchStatusRequest())).HighVoltageOn);
    }

    [Fact]
    public async Task ShutdownDuringDwell_OutputOffAndRunClosedAborted()
    {
        var service = await InProcessService.StartAsync(true, DwellBench);
        try
        {
            var bench = new BenchService.BenchServiceClient(service.Channel);
            var sim = Simulator(service);
            await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25("S-STOP"));
            var run = await bench.StartRunAsync(new StartRunRequest { SampleId = "S-STOP" });
            await DriveIntoDwellAsync(bench, run.RunId, () => sim.GroundTruth().HighVoltageOn);

            await service.StopAsync();
            Assert.False(sim.GroundTruth().HighVoltageOn);
            var stored = await service.Store.GetRunAsync(run.RunId, CancellationToken.None);
            Assert.NotNull(stored);
            Assert.Equal("aborted", stored.State);
            Assert.Contains("shutting down", stored.Json, StringComparison.Ordinal);
            // Issue 11: the shutdown's ending is on the record once, as incomplete (no conformity statement).
            var record = await service.Store.GetVerdictByRunAsync(run.RunId, CancellationToken.None);
            Assert.NotNull(record);
            Assert.Equal("incomplete", record.Outcome);
            Assert.Contains("shutting down", record.EvidenceJson, StringComparison.Ordinal);
            Assert.Equal(1L, await service.Store.GetLastSequenceAsync(CancellationToken.None));
        }
        finally
        {
            await service.DisposeAsync();
        }
    }

    [Fact]
    public async Task InfluxStoppedAndWorkerSigkilledMidRun_RestartClosesRunIncomplete_EveryReadingInInfluxOnce()
    {
        using var data = new TempDirectory("svc-kill");
        await using var influx = new InfluxDbServer();
        await influx.StartAsync();
        var dotnet = RequiredTool.Find("dotnet", "dotnet-sdk");
        var port = FreeTcpPort.Next();
        string[] args =
        [
            ServiceProcessTests.ServiceDll, "--urls", $"http://127.0.0.1:{port}", "--DataDirectory", data.Path,
            "--Influx:Url", influx.Url, "--Influx:Database", InfluxDbServer.Database, "--Influx:FlushInterval=00:00:00.2",
            .. DwellBench,
        ];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string runId;
        await using (var first = ExternalProcess.Start(dotnet, args))
        {
            await first.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(60));
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            var bench = new BenchService.BenchServiceClient(channel);
            await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25("S-KILL"));
            runId = (await bench.StartRunAsync(new StartRunRequest { SampleId = "S-KILL" })).RunId;
            using var watch = bench.WatchRun(new WatchRunRequest { RunId = runId });
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var influxStopped = false;
            while (await watch.ResponseStream.MoveNext(cts.Token))
            {
                var e = watch.ResponseStream.Current;
                if (e.Reading is { } reading)
                {
                    seen.Add(reading.ReadingId);
                }

                if (e.Prompt is { } prompt)
                {
                    await bench.AnswerPromptAsync(new AnswerPromptRequest { RunId = runId, PromptId = prompt.PromptId, Acknowledged = true });
                }

                if (!influxStopped && e.Reading is { StepId: "ir-1" })
                {
                    // InfluxDB goes away mid-run: readings keep being taken into the outbox.
                    await influx.StopAsync();
                    influxStopped = true;
                }

                if (e.Reading is { StepId: "vw" } && seen.Count(id => id.Contains("/vw/", StringComparison.Ordinal)) >= 5)
                {
                    break;
                }
            }

            Assert.True(influxStopped);
            first.Kill();
        }

        Assert.NotEmpty(seen);
        await influx.StartAsync();
        await using var second = ExternalProcess.Start(dotnet, args);
        await second.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(60));
        using var channel2 = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var bench2 = new BenchService.BenchServiceClient(channel2);
        var after = await bench2.GetRunAsync(new GetRunRequest { RunId = runId });
        Assert.Equal(RunState.Incomplete, after.State);
        Assert.Contains("high voltage confirmed off at restart", after.EndReason, StringComparison.Ordinal);
        Assert.False((await bench2.GetBenchStatusAsync(new GetBenchStatusRequest())).HighVoltageOn);

        // Both consumers of the journal catch up after the restart: the local store and InfluxDB.
        var store = Path.Combine(data.Path, "cabletest.db");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        List<string> local;
        List<string> inInflux;
        while (true)
        {
            local = await ReadingIdsAsync(store, runId);
            inInflux = await InfluxReadingIdsAsync(influx, runId);
            if ((seen.IsSubsetOf(local.Select(ReadingOf)) && seen.IsSubsetOf(inInflux)) || deadline.IsCancellationRequested)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.Subset(local.Select(ReadingOf).ToHashSet(StringComparer.Ordinal), seen);
        Assert.Subset(inInflux.ToHashSet(StringComparer.Ordinal), seen);

        // None twice in a query: a resend after the kill lands on the same series and timestamp.
        Assert.Equal(inInflux.Count, inInflux.Distinct(StringComparer.Ordinal).Count());
        Assert.All(local.Where(id => id.Contains("/vw/", StringComparison.Ordinal)).GroupBy(ReadingOf), g => Assert.Equal(2, g.Count()));
    }

    private static async Task<List<string>> InfluxReadingIdsAsync(InfluxDbServer influx, string runId)
    {
        var ids = new List<string>();
        foreach (var measurement in new[] { "ambient", "bath_temperature", "conductor_resistance", "insulation_resistance", "voltage_withstand" })
        {
            try
            {
                var rows = await influx.QueryAsync($"SELECT \"reading_id\" FROM \"{measurement}\" WHERE \"run\" = '{runId}'");
                ids.AddRange(rows.Select(r => r[1].GetString()!));
            }
            catch (HttpRequestException)
            {
                // influxd still starting.
            }
        }

        return ids;
    }

    private static string ReadingOf(string storedId) => storedId[..storedId.LastIndexOf('/')];

    private static async Task<List<string>> ReadingIdsAsync(string database, string runId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reading_id FROM readings WHERE run_id = $run";
        command.Parameters.AddWithValue("$run", runId);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
