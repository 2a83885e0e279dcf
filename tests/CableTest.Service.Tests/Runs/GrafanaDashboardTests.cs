using System.Text.Json;
using CableTest.Contracts.V1;
using CableTest.Testing;

namespace CableTest.Service.Tests.Runs;

/// <summary>The shipped Grafana dashboard's queries return data for a run the service streamed into a real influxd.</summary>
public sealed class GrafanaDashboardTests
{
    [Fact]
    public async Task EveryPanelQuery_ReturnsTheRunsReadings()
    {
        await using var influx = new InfluxDbServer();
        await influx.StartAsync();
        await using var service = await InProcessService.StartAsync(true,
            [.. RunOnSimulatedBenchTests.FastBench, "--Influx:Url", influx.Url, "--Influx:Database", InfluxDbServer.Database, "--Influx:FlushInterval=00:00:00.2"]);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25("S-GRAFANA"));
        var run = await RunOnSimulatedBenchTests.DriveToEndAsync(bench, (await bench.StartRunAsync(new StartRunRequest { SampleId = "S-GRAFANA" })).RunId);
        Assert.Equal(RunState.Completed, run.State);

        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(RepoPaths.InRepo("docs", "grafana", "cabletest-bench.json")));
        var queries = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => (Panel: p.GetProperty("title").GetString()!, Query: t.GetProperty("query").GetString()!)))
            .ToList();
        Assert.Equal(7, queries.Count);
        foreach (var (panel, query) in queries)
        {
            var concrete = query.Replace("$bench", ".*", StringComparison.Ordinal)
                .Replace("$run", run.RunId, StringComparison.Ordinal)
                .Replace("$timeFilter", "time > now() - 1h", StringComparison.Ordinal);
            List<JsonElement[]> rows = [];
            for (var attempt = 0; attempt < 50 && rows.Count == 0; attempt++)
            {
                rows = await influx.QueryAsync(concrete);
                if (rows.Count == 0)
                {
                    await Task.Delay(200);
                }
            }

            Assert.True(rows.Count > 0, $"panel \"{panel}\" returned nothing: {concrete}");
        }
    }
}
