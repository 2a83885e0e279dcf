using CableTest.Contracts.V1;

namespace CableTest.Service.Tests.Runs;

/// <summary>
/// The dashboard's server-sent run events (/events/runs/{run}) over the real cleartext port (HTTP/1.1 through the
/// port router): a stream says when the run has ended, so that an EventSource closes instead of reconnecting to the
/// ended run every few seconds for as long as the page is open.
/// </summary>
public sealed class RunEventStreamTests
{
    [Fact]
    public async Task LiveStream_EndsWithTheEndedSnapshotThenAnEndEvent_AndAnEndedRunsStreamToo()
    {
        await using var service = await InProcessService.StartAsync(true, RunOnSimulatedBenchTests.FastBench);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25("S-SSE"));
        var started = await bench.StartRunAsync(new StartRunRequest { SampleId = "S-SSE", OperatorName = "tech", RequestId = "sse-1" });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var live = ReadEventsAsync(service, started.RunId, timeout.Token);
        var run = await RunOnSimulatedBenchTests.DriveToEndAsync(bench, started.RunId);
        Assert.Equal(RunState.Completed, run.State);

        var events = await live;
        Assert.Equal("end", events[^1].Name);
        var lastSnapshot = events.Last(e => e.Name == "message" && e.Data.Contains("\"snapshot\"", StringComparison.Ordinal));
        Assert.Contains("\"RUN_STATE_COMPLETED\"", lastSnapshot.Data, StringComparison.Ordinal);
        Assert.Single(events, e => e.Name == "end");

        // Watched after its end: the stored snapshot, then the end.
        var ended = await ReadEventsAsync(service, started.RunId, timeout.Token);
        Assert.Equal(["message", "end"], ended.Select(e => e.Name));
        Assert.Contains("\"RUN_STATE_COMPLETED\"", ended[0].Data, StringComparison.Ordinal);
    }

    /// <summary>Reads the whole event stream (until the server ends the response) as (event name, data) pairs.</summary>
    private static async Task<List<(string Name, string Data)>> ReadEventsAsync(InProcessService service, string runId, CancellationToken cancellationToken)
    {
        using var response = await service.Http.GetAsync($"/events/runs/{runId}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var events = new List<(string, string)>();
        var (name, data) = ("message", "");
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                events.Add((name, data));
                (name, data) = ("message", "");
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data += line["data: ".Length..];
            }
        }

        return events;
    }
}
