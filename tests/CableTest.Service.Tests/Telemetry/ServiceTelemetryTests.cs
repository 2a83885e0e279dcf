using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CableTest.Contracts.V1;
using CableTest.Service.Tests.Runs;
using CableTest.Testing;
using Grpc.Net.Client;

namespace CableTest.Service.Tests.Telemetry;

/// <summary>
/// The real service process with the Prometheus endpoint and OTLP export on: a simulated run, then the
/// scrape shows its run, reading, outbox and exchange series with the run's own numbers, and the OTLP
/// receiver holds the run's trace (steps and instrument exchanges).
/// </summary>
public sealed partial class ServiceTelemetryTests
{
    [Fact]
    public async Task SimulatedRun_ScrapeShowsRunReadingOutboxSeries_OtlpHoldsStepAndExchangeSpans()
    {
        await using var otlp = await OtlpSink.StartAsync();
        using var data = new TempDirectory("svc-telemetry");
        var port = FreeTcpPort.Next();
        var address = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        var dotnet = RequiredTool.Find("dotnet", "dotnet-sdk");
        await using var process = ExternalProcess.Start(dotnet,
        [
            ServiceProcessTests.ServiceDll, "--urls", address, "--DataDirectory", data.Path,
            // Anonymous API calls are refused: the scrape is still open to loopback.
            "--Auth:AllowAnonymousLoopback=false",
            "--Auth:ApiKeys:0:Name=bench-pc", $"--Auth:ApiKeys:0:Secret={InProcessService.TechnicianKey}", "--Auth:ApiKeys:0:Roles:0=technician",
            "--Telemetry:Prometheus:Enabled=true",
            $"--Telemetry:Otlp:Endpoint={otlp.Endpoint}", "--Telemetry:Otlp:Protocol=http/protobuf", "--Telemetry:Otlp:ExportInterval=00:00:01",
            .. RunOnSimulatedBenchTests.FastBench,
        ]);
        await process.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/v1/standards", UriKind.Relative))).StatusCode);

        using var channel = GrpcChannel.ForAddress(address);
        var key = InProcessService.ApiKey(InProcessService.TechnicianKey);
        var bench = new BenchService.BenchServiceClient(channel);
        await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25("S-OTEL"), key);
        var started = await bench.StartRunAsync(new StartRunRequest { SampleId = "S-OTEL", OperatorName = "tech" }, key);
        var run = await RunOnSimulatedBenchTests.DriveToEndAsync(bench, started.RunId, key);
        Assert.True(run.State == RunState.Completed && run.Outcome == Outcome.Pass, run.ToString());
        var verdict = await new VerdictService.VerdictServiceClient(channel).GetVerdictAsync(new GetVerdictRequest { RunId = run.RunId }, key);
        var judgedReadings = verdict.Tests.Sum(t => t.ReadingIds.Count);

        // The outbox hands readings on asynchronously: scrape until it has delivered what the run took.
        var samples = await ScrapeUntilAsync(http, s => Sum(s, "cabletest_outbox_delivered_total") > 0 && Sum(s, "cabletest_outbox_delivered_total") == Sum(s, "cabletest_readings_taken_total"));
        var failure = "\n" + string.Join("\n", samples.Where(s => s.Name.StartsWith("cabletest_r", StringComparison.Ordinal) || s.Name.StartsWith("cabletest_outbox", StringComparison.Ordinal)));
        Assert.All(samples, s => Assert.True(s.Name.StartsWith("cabletest_", StringComparison.Ordinal) || s.Name == "target_info", s.Name));

        // Runs: one started, one ended completed/pass, none active, one duration per step kind.
        Assert.Equal(1, Sum(samples, "cabletest_runs_started_total"));
        Assert.Equal(1, Sum(samples, "cabletest_runs_ended_total", s => s.Has("state", "completed") && s.Has("outcome", "pass")));
        Assert.Equal(0, Sum(samples, "cabletest_runs_active"));
        Assert.True(Sum(samples, "cabletest_run_duration_seconds_sum") > 0, failure);
        foreach (var kind in new[] { "ambient", "conductor_resistance", "insulation_resistance", "voltage_withstand", "evaluate" })
        {
            Assert.True(Sum(samples, "cabletest_run_step_duration_seconds_count", s => s.Has("kind", kind) && s.Has("state", "done")) == 1, kind + failure);
        }

        // Readings: the judged ones are exactly those the verdict lists; the ambient ones come on top.
        Assert.Equal(judgedReadings, Sum(samples, "cabletest_readings_taken_total", s => !s.Has("measurement", "ambient")));
        Assert.True(Sum(samples, "cabletest_readings_taken_total", s => s.Has("measurement", "ambient")) >= 1, failure);

        // Outbox: everything delivered, nothing waiting, quarantined or retried.
        Assert.Equal(0, Sum(samples, "cabletest_outbox_depth"));
        Assert.Equal(0, Sum(samples, "cabletest_outbox_quarantined_total"));

        // Exchanges on all four simulated instruments, each OK, with their durations.
        foreach (var device in verdict.Tests.SelectMany(t => t.Instruments).Select(i => i.InstrumentId).Distinct())
        {
            Assert.True(Sum(samples, "cabletest_instrument_exchanges_total", s => s.Has("device", device) && s.Has("outcome", "ok")) > 0, device + failure);
            Assert.True(Sum(samples, "cabletest_instrument_exchange_duration_seconds_sum", s => s.Has("device", device)) > 0, device + failure);
        }

        // gRPC calls through the ASP.NET Core instrumentation, by route.
        Assert.True(Sum(samples, "cabletest_http_server_request_duration_seconds_count", s => s.Has("http_route", "/cabletest.v1.BenchService/StartRun")) >= 1, failure);

        // The service-health dashboard asks only for series and labels this scrape has.
        AssertDashboardMatches(samples);

        // SIGTERM flushes the trace exporter.
        await process.StopAsync(TimeSpan.FromSeconds(30));
        Assert.True(process.HasExited, process.Output);
        foreach (var span in new[] { run.RunId, "step conductor_resistance", "step voltage_withstand", "exchange scpi", "exchange modbus-rtu", "exchange modbus-tcp", "MEAS" })
        {
            Assert.True(otlp.Saw("/v1/traces", span), $"no '{span}' in the exported traces ({otlp.Summary})");
        }

        Assert.True(otlp.Saw("/v1/metrics", "cabletest.runs.ended"), otlp.Summary);
    }

    private static void AssertDashboardMatches(IReadOnlyList<PrometheusSample> samples)
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo("docs", "grafana", "cabletest-service.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => (Panel: p.GetProperty("title").GetString()!, Expr: t.GetProperty("expr").GetString()!)))
            .ToList();
        Assert.True(expressions.Count >= 15, $"{expressions.Count} panel queries");
        foreach (var (panel, expr) in expressions)
        {
            var names = MetricName().Matches(expr).Select(m => m.Value).Distinct().ToList();
            Assert.NotEmpty(names);
            foreach (var name in names)
            {
                Assert.True(samples.Any(s => s.Name == name), $"panel '{panel}': {name} is not in the scrape");
            }

            foreach (var label in GroupBy().Matches(expr).SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries)).Where(l => l is not ("le" or "instance")))
            {
                Assert.True(samples.Any(s => names.Contains(s.Name) && s.Labels.ContainsKey(label)), $"panel '{panel}': no series of {string.Join(", ", names)} has label {label}");
            }
        }
    }

    [GeneratedRegex(@"cabletest_[a-z_]*[a-z]")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"by \(([a-z_, ]+)\)")]
    private static partial Regex GroupBy();

    private static double Sum(IReadOnlyList<PrometheusSample> samples, string name, Func<PrometheusSample, bool>? where = null) =>
        samples.Where(s => s.Name == name && (where is null || where(s))).Sum(s => s.Value);

    private static async Task<IReadOnlyList<PrometheusSample>> ScrapeUntilAsync(HttpClient http, Func<IReadOnlyList<PrometheusSample>, bool> done)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var samples = PrometheusSample.Parse(await response.Content.ReadAsStringAsync());
            if (done(samples) || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return samples;
            }

            await Task.Delay(200);
        }
    }
}
