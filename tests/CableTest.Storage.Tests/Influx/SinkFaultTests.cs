using System.Text;
using System.Text.Json;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Influx;
using CableTest.Storage.Influx.ReadBack;
using CableTest.Storage.Outbox;
using CableTest.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CableTest.Storage.Tests.Influx;

/// <summary>
/// The v2 path through InfluxDB.Client against a real VictoriaMetrics, and sinks that lose points they
/// acknowledged: VictoriaMetrics and influxd SIGKILLed right after answering 2xx, then started again on
/// the same data. Every reading must be there afterwards (the retained window is delivered again).
/// </summary>
public sealed class SinkFaultTests
{
    private const string Measurement = "conductor_resistance";

    [Flags]
    public enum Watch
    {
        Restarts = 1,
        ReadBack = 2,
        Both = Restarts | ReadBack,
    }

    private sealed class Pipeline(DurableOutbox outbox, InfluxForwarder forwarder, HttpClient http, IDisposable? writer) : IAsyncDisposable
    {
        public DurableOutbox Outbox { get; } = outbox;

        public InfluxForwarder Forwarder { get; } = forwarder;

        /// <summary>What a SIGKILL of the service leaves: the journal and cursors as on disk, nothing flushed or synced.</summary>
        public async Task AbandonAsync()
        {
            await Forwarder.StopAsync(default);
            Forwarder.Dispose();
            http.Dispose();
            writer?.Dispose();
        }

        public async ValueTask DisposeAsync()
        {
            await AbandonAsync();
            await Outbox.DisposeAsync();
        }
    }

    /// <param name="watch">How the pipeline notices a sink that lost acknowledged points: its restarts, the read-back count, or both.</param>
    private static async Task<Pipeline> StartAsync(TempDirectory dir, InfluxOptions options, DurableOutbox? outbox = null, Watch watch = Watch.Both)
    {
        outbox ??= DurableOutbox.Open(new OutboxOptions { Directory = dir.Path }, [InfluxForwarder.ConsumerName], TimeProvider.System, NullLogger.Instance);
        var http = new HttpClient();
        InfluxClientWriter? clientWriter = options.Api == InfluxApi.V2 ? new InfluxClientWriter(options) : null;
        IInfluxWriter writer = clientWriter is not null ? clientWriter : new InfluxWriteClient(http, options);
        ISinkReadBack readBack = options.Api == InfluxApi.V2 ? new VictoriaMetricsReadBack(http, options) : new InfluxQlReadBack(http, options);
        var forwarder = new InfluxForwarder(outbox, writer, options, TimeProvider.System, NullLogger<InfluxForwarder>.Instance,
            watch.HasFlag(Watch.Restarts) ? new SinkIdentityProbe(http, options) : null,
            watch.HasFlag(Watch.ReadBack) ? readBack : null);
        await forwarder.StartAsync(default);
        return new Pipeline(outbox, forwarder, http, clientWriter);
    }

    private static InfluxOptions VmOptions(VictoriaMetricsServer vm) => new()
    {
        Url = vm.Url,
        Api = InfluxApi.V2,
        Org = "lab",
        Bucket = "cabletest",
        Token = "not-checked-by-victoria-metrics",
        BatchSize = 500,
        FlushInterval = TimeSpan.FromMilliseconds(20),
        MinRetryDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryDelay = TimeSpan.FromMilliseconds(400),
        SinkCheckInterval = TimeSpan.FromMilliseconds(200),
        ReadBackInterval = TimeSpan.FromMilliseconds(300),
        ReadBackSettle = TimeSpan.FromMilliseconds(200),
    };

    private static InfluxOptions InfluxdOptions(InfluxDbServer influx) => new()
    {
        Url = influx.Url,
        Database = InfluxDbServer.Database,
        BatchSize = 500,
        FlushInterval = TimeSpan.FromMilliseconds(20),
        MinRetryDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryDelay = TimeSpan.FromMilliseconds(400),
        SinkCheckInterval = TimeSpan.FromMilliseconds(200),
        ReadBackInterval = TimeSpan.FromMilliseconds(300),
        ReadBackSettle = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>A reading 1 ms after the previous one (VictoriaMetrics keeps milliseconds), ten minutes ago.</summary>
    private static ReadOnlyMemory<byte> Reading(int i, long baseNs) => Encoding.UTF8.GetBytes(
        PointData.Measurement(Measurement).Tag("bench", "b1").Tag("run", "r1").Tag("core", (i % 3 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Field("resistance_ohm", 0.075 + (i * 1e-7)).Timestamp(baseNs + (i * 1_000_000L), WritePrecision.Ns).ToLineProtocol());

    private static long TenMinutesAgoNs() => TimeProvider.System.GetUtcNow().AddMinutes(-10).ToUnixTime(WritePrecision.Ns);

    private static async Task<int> VmSamplesAsync(VictoriaMetricsServer vm)
    {
        var series = await vm.ExportAsync($"{{__name__=\"{Measurement}_resistance_ohm\"}}");
        return series.Sum(line => JsonDocument.Parse(line).RootElement.GetProperty("values").GetArrayLength());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<Task<string>> what)
    {
        // A generous bound, only so that a broken build fails instead of hanging.
        var sw = System.Diagnostics.Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(90))
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException(await what());
    }

    [Fact]
    public async Task VictoriaMetrics_ThroughInfluxDbClient_OutageAndServiceKill_EveryReadingStoredOnce()
    {
        await using var vm = new VictoriaMetricsServer();
        await vm.StartAsync();
        using var dir = new TempDirectory("outbox");
        var options = VmOptions(vm);
        var baseNs = TenMinutesAgoNs();
        const int total = 3000;
        var first = await StartAsync(dir, options);
        for (var i = 0; i < 2000; i++)
        {
            await first.Outbox.AppendAsync(Reading(i, baseNs), WritePrecision.Ns, default);
            if (i == 500)
            {
                await vm.StopAsync();
            }

            if (i == 1500)
            {
                // The outage is only an outage once the forwarder has tried and failed (appends can outrun its first try).
                await WaitUntilAsync(() => Task.FromResult(first.Outbox.GetStatus().Retried > 0), () => Task.FromResult($"no failed delivery while VictoriaMetrics was down: {first.Outbox.GetStatus()}"));
                Assert.True(first.Outbox.GetStatus().Depth > 0, "readings must wait in the outbox while VictoriaMetrics is down");
                await vm.StartAsync();
            }
        }

        var retried = first.Outbox.GetStatus().Retried;

        // The service dies (as with SIGKILL: nothing disposed, cursors as last synced); a new one opens the same journal.
        await first.AbandonAsync();
        var reopened = DurableOutbox.Open(new OutboxOptions { Directory = dir.Path }, [InfluxForwarder.ConsumerName], TimeProvider.System, NullLogger.Instance);
        await using var second = await StartAsync(dir, options, reopened);
        for (var i = 2000; i < total; i++)
        {
            await second.Outbox.AppendAsync(Reading(i, baseNs), WritePrecision.Ns, default);
        }

        await WaitUntilAsync(async () => second.Outbox.GetStatus().Depth == 0 && await VmSamplesAsync(vm) >= total,
            async () => $"not delivered: {second.Outbox.GetStatus()}, {await VmSamplesAsync(vm)} samples");
        Assert.Equal(total, await VmSamplesAsync(vm));
        Assert.True(retried > 0);
    }

    [Theory]
    [InlineData(Watch.Both)]
    [InlineData(Watch.ReadBack)]
    public async Task VictoriaMetrics_KilledRightAfterAcknowledging_RetainedWindowSentAgain_NoneMissing(Watch watch)
    {
        await using var vm = new VictoriaMetricsServer();
        await vm.StartAsync();
        using var dir = new TempDirectory("outbox");
        var options = VmOptions(vm);
        var baseNs = TenMinutesAgoNs();
        await using var pipeline = await StartAsync(dir, options, watch: watch);
        await WaitUntilAsync(async () => (await new SinkIdentityProbe(vm.Http, options).GetIdentityAsync(default)) is not null, () => Task.FromResult("no identity from VictoriaMetrics"));
        const int rounds = 3, perRound = 1000;
        for (var round = 0; round < rounds; round++)
        {
            for (var i = round * perRound; i < (round + 1) * perRound; i++)
            {
                await pipeline.Outbox.AppendAsync(Reading(i, baseNs), WritePrecision.Ns, default);
            }

            // Acknowledged (delivered, cursor moved) and then, at once, the sink dies before flushing.
            await WaitUntilAsync(() => Task.FromResult(pipeline.Outbox.GetStatus().Depth == 0), () => Task.FromResult($"not acknowledged: {pipeline.Outbox.GetStatus()}"));
            await vm.KillAsync();
            await vm.StartAsync();
        }

        var expected = rounds * perRound;
        await WaitUntilAsync(async () => await VmSamplesAsync(vm) >= expected, async () => $"{expected - await VmSamplesAsync(vm)} readings missing after VictoriaMetrics came back");
        Assert.Equal(expected, await VmSamplesAsync(vm));
        if (watch == Watch.ReadBack)
        {
            // Nothing but the count could have sent them again: it must have seen the loss.
            Assert.True(pipeline.Forwarder.ReadBackMissingTotal > 0, "VictoriaMetrics lost nothing it had acknowledged, so the read-back was not tested");
        }
    }

    [Theory]
    [InlineData(Watch.Both)]
    [InlineData(Watch.ReadBack)]
    public async Task Influxd_KilledRightAfterAcknowledging_NoneMissing(Watch watch)
    {
        await using var influx = new InfluxDbServer();
        await influx.StartAsync();
        using var dir = new TempDirectory("outbox");
        var options = InfluxdOptions(influx);
        await using var pipeline = await StartAsync(dir, options, watch: watch);
        const int rounds = 2, perRound = 1000;
        for (var round = 0; round < rounds; round++)
        {
            for (var i = round * perRound; i < (round + 1) * perRound; i++)
            {
                await pipeline.Outbox.AppendAsync(Reading(i, 1_700_000_000_000_000_000L), WritePrecision.Ns, default);
            }

            await WaitUntilAsync(() => Task.FromResult(pipeline.Outbox.GetStatus().Depth == 0), () => Task.FromResult($"not acknowledged: {pipeline.Outbox.GetStatus()}"));
            await influx.KillAsync();
            await influx.StartAsync();
        }

        const int expected = rounds * perRound;
        await WaitUntilAsync(async () => await influx.CountAsync(Measurement, "resistance_ohm") >= expected,
            async () => $"{expected - await influx.CountAsync(Measurement, "resistance_ohm")} readings missing after influxd came back");
        Assert.Equal(expected, await influx.CountAsync(Measurement, "resistance_ohm"));
    }

    [Fact]
    public async Task Influxd_LosesAcknowledgedPointsWithoutRestarting_TheReadBackSendsThemAgain()
    {
        await using var influx = new InfluxDbServer();
        await influx.StartAsync();
        using var dir = new TempDirectory("outbox");
        var options = InfluxdOptions(influx);
        const long baseNs = 1_700_000_000_000_000_000L;
        await using var pipeline = await StartAsync(dir, options);
        for (var i = 0; i < 1000; i++)
        {
            await pipeline.Outbox.AppendAsync(Reading(i, baseNs), WritePrecision.Ns, default);
        }

        await WaitUntilAsync(async () => await influx.CountAsync(Measurement, "resistance_ohm") == 1000, async () => $"{await influx.CountAsync(Measurement, "resistance_ohm")} of 1000 delivered");
        await WaitUntilAsync(() => Task.FromResult(pipeline.Forwarder.LastReadBack is { Missing: 0, Expected: 1000 }), () => Task.FromResult($"no clean read-back: {pipeline.Forwarder.LastReadBack}"));

        // 300 acknowledged points vanish while the server keeps running (no new start time to notice).
        await influx.QueryAsync($"DELETE FROM \"{Measurement}\" WHERE time >= {baseNs + 200_000_000} AND time < {baseNs + 500_000_000}");
        Assert.Equal(700, await influx.CountAsync(Measurement, "resistance_ohm"));

        await WaitUntilAsync(async () => await influx.CountAsync(Measurement, "resistance_ohm") == 1000, async () => $"{1000 - await influx.CountAsync(Measurement, "resistance_ohm")} still missing; last read-back {pipeline.Forwarder.LastReadBack}");
        // 300 when one read-back saw the whole deletion (more if one ran while it was under way).
        Assert.True(pipeline.Forwarder.ReadBackMissingTotal >= 300, $"read-backs found {pipeline.Forwarder.ReadBackMissingTotal} missing");
    }

    [Fact]
    public void StartFromMetrics_ReadsVictoriaMetricsAndGoProcessStartTimes()
    {
        Assert.Equal("1796247460", SinkIdentityProbe.StartFromMetrics("vm_app_version{version=\"\"} 1\nvm_app_start_timestamp 1796247460\n"));
        Assert.Equal("1.7e+09", SinkIdentityProbe.StartFromMetrics("# HELP x\nprocess_start_time_seconds 1.7e+09\n"));
        Assert.Null(SinkIdentityProbe.StartFromMetrics("vm_app_start_timestamp_total 3\n"));
    }
}
