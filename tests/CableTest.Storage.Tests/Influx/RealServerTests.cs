using System.Text;
using System.Text.Json;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Influx;
using CableTest.Storage.Outbox;
using CableTest.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CableTest.Storage.Tests.Influx;

/// <summary>Readings through the outbox into a real influxd (v1) and VictoriaMetrics (v2 write API).</summary>
public sealed class RealServerTests
{
    private static async Task<(DurableOutbox Outbox, InfluxForwarder Forwarder, HttpClient Http)> StartForwarderAsync(TempDirectory dir, InfluxOptions options, DurableOutbox? outbox = null)
    {
        outbox ??= DurableOutbox.Open(new OutboxOptions { Directory = dir.Path }, [InfluxForwarder.ConsumerName], TimeProvider.System, NullLogger.Instance);
        var http = new HttpClient();
        var forwarder = new InfluxForwarder(outbox, new InfluxWriteClient(http, options), options, TimeProvider.System, NullLogger<InfluxForwarder>.Instance);
        await forwarder.StartAsync(default);
        return (outbox, forwarder, http);
    }

    /// <summary>A reading 1 ms apart from the next (VictoriaMetrics keeps milliseconds).</summary>
    private static ReadOnlyMemory<byte> Reading(int i, long baseNs = 1_700_000_000_000_000_000L) => Encoding.UTF8.GetBytes(
        PointData.Measurement("conductor_resistance").Tag("bench", "b1").Tag("run", "r1").Tag("core", (i % 3 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Field("resistance_ohm", 0.075 + (i * 1e-7)).Timestamp(baseNs + (i * 1_000_000L), WritePrecision.Ns).ToLineProtocol());

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        while (sw.Elapsed < timeout)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException(what());
    }

    [Fact]
    public async Task Influxd_StoppedAndRestartedWhileWriting_EveryReadingPresentExactlyOnce()
    {
        await using var influx = new InfluxDbServer();
        await influx.StartAsync();
        using var dir = new TempDirectory("outbox");
        var options = new InfluxOptions
        {
            Url = influx.Url,
            Database = InfluxDbServer.Database,
            BatchSize = 500,
            FlushInterval = TimeSpan.FromMilliseconds(50),
            MinRetryDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromMilliseconds(400),
        };
        var (outbox, forwarder, http) = await StartForwarderAsync(dir, options);
        const int total = 3000;
        try
        {
            for (var i = 0; i < total; i++)
            {
                await outbox.AppendAsync(Reading(i), WritePrecision.Ns, default);
                if (i == 1000)
                {
                    await influx.StopAsync();
                }

                if (i == 2000)
                {
                    Assert.True(outbox.GetStatus().Depth > 0, "readings must wait in the outbox while influxd is down");
                    await influx.StartAsync();
                }
            }

            await WaitUntilAsync(async () => outbox.GetStatus().Depth == 0, TimeSpan.FromSeconds(60), () => $"outbox not drained: {outbox.GetStatus()}");
            Assert.Equal(total, await influx.CountAsync("conductor_resistance", "resistance_ohm"));
            var rows = await influx.QueryAsync("SELECT resistance_ohm FROM conductor_resistance");
            Assert.Equal(total, rows.Select(r => r[0].GetInt64()).Distinct().Count());
            Assert.True(outbox.GetStatus().Retried > 0);
        }
        finally
        {
            await forwarder.StopAsync(default);
            forwarder.Dispose();
            http.Dispose();
            await outbox.DisposeAsync();
        }
    }

    [Fact]
    public async Task Influxd_KilledWithBatchesInFlight_ThenOurServiceKilled_EveryReadingPresentExactlyOnce()
    {
        await using var influx = new InfluxDbServer();
        await influx.StartAsync();
        using var dir = new TempDirectory("outbox");
        var options = new InfluxOptions
        {
            Url = influx.Url,
            Database = InfluxDbServer.Database,
            BatchSize = 100,
            MaxInFlight = 4,
            FlushInterval = TimeSpan.FromMilliseconds(20),
            MinRetryDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromMilliseconds(400),
        };
        const int total = 6000;
        var (outbox, forwarder, http) = await StartForwarderAsync(dir, options);
        try
        {
            // Whole batches at once, so that several are posted together when influxd dies under them.
            for (var i = 0; i < 4000; i += 400)
            {
                await outbox.AppendBatchAsync([.. Enumerable.Range(i, 400).Select(n => Reading(n))], WritePrecision.Ns, default);
                if (i == 1200)
                {
                    await influx.KillAsync();
                }

                if (i == 2800)
                {
                    await WaitUntilAsync(async () => outbox.GetStatus().Retried > 0, TimeSpan.FromSeconds(30), () => $"no failed delivery while influxd was down: {outbox.GetStatus()}");
                    await influx.StartAsync();
                }
            }

            // Our service dies mid-pipeline (nothing disposed or synced); a new one opens the same journal.
            await forwarder.StopAsync(default);
            forwarder.Dispose();
            http.Dispose();
            var reopened = DurableOutbox.Open(new OutboxOptions { Directory = dir.Path }, [InfluxForwarder.ConsumerName], TimeProvider.System, NullLogger.Instance);
            Assert.True(reopened.GetStatus().Depth > 0, "the kill came after everything was committed, so nothing in flight was tested");
            (outbox, forwarder, http) = await StartForwarderAsync(dir, options, reopened);
            for (var i = 4000; i < total; i += 400)
            {
                await outbox.AppendBatchAsync([.. Enumerable.Range(i, 400).Select(n => Reading(n))], WritePrecision.Ns, default);
            }

            await WaitUntilAsync(async () => outbox.GetStatus().Depth == 0, TimeSpan.FromSeconds(60), () => $"outbox not drained: {outbox.GetStatus()}");
            Assert.Equal(total, await influx.CountAsync("conductor_resistance", "resistance_ohm"));
            var rows = await influx.QueryAsync("SELECT resistance_ohm FROM conductor_resistance");
            Assert.Equal(total, rows.Select(r => r[0].GetInt64()).Distinct().Count());
        }
        finally
        {
            await forwarder.StopAsync(default);
            forwarder.Dispose();
            http.Dispose();
            await outbox.DisposeAsync();
        }
    }

    [Fact]
    public async Task VictoriaMetrics_V2WriteApi_StoresEveryReading()
    {
        await using var vm = new VictoriaMetricsServer();
        await vm.StartAsync();
        using var dir = new TempDirectory("outbox");
        var options = new InfluxOptions
        {
            Url = vm.Url,
            Api = InfluxApi.V2,
            Org = "lab",
            Bucket = "cabletest",
            Token = "not-checked-by-victoria-metrics",
            FlushInterval = TimeSpan.FromMilliseconds(20),
        };
        var (outbox, forwarder, http) = await StartForwarderAsync(dir, options);
        try
        {
            // Recent timestamps: VictoriaMetrics drops samples outside its retention window.
            var now = TimeProvider.System.GetUtcNow().AddMinutes(-10).ToUnixTime(WritePrecision.Ns);
            for (var i = 0; i < 300; i++)
            {
                await outbox.AppendAsync(Reading(i, now), WritePrecision.Ns, default);
            }

            await WaitUntilAsync(async () => outbox.GetStatus().Depth == 0, TimeSpan.FromSeconds(30), () => $"outbox not drained: {outbox.GetStatus()}");
            var series = await vm.ExportAsync("{__name__=\"conductor_resistance_resistance_ohm\"}");
            var samples = series.Sum(line => JsonDocument.Parse(line).RootElement.GetProperty("values").GetArrayLength());
            Assert.Equal(3, series.Length); // one series per core
            Assert.Equal(300, samples);
        }
        finally
        {
            await forwarder.StopAsync(default);
            forwarder.Dispose();
            http.Dispose();
            await outbox.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(InfluxApi.V1)]
    [InlineData(InfluxApi.V2)]
    public async Task LargeGroupCommits_PostedFromPooledPaddedArrays_EveryReadingStoredOnce(InfluxApi api)
    {
        // Batches of 2,000 readings appended whole: each group commit is kept in a pooled array padded with newlines
        // and posted as it is (v1 by our client to influxd, v2 by InfluxDB.Client to VictoriaMetrics, as the service does).
        await using var influx = api == InfluxApi.V1 ? new InfluxDbServer() : null;
        await using var vm = api == InfluxApi.V2 ? new VictoriaMetricsServer() : null;
        await (influx?.StartAsync() ?? vm!.StartAsync());
        using var dir = new TempDirectory("outbox");
        var options = new InfluxOptions
        {
            Url = influx?.Url ?? vm!.Url,
            Api = api,
            Database = InfluxDbServer.Database,
            Org = "lab",
            Bucket = "cabletest",
            Token = "not-checked-by-victoria-metrics",
            BatchSize = 2000,
            FlushInterval = TimeSpan.FromMilliseconds(20),
        };
        await using var outbox = DurableOutbox.Open(new OutboxOptions { Directory = dir.Path }, [InfluxForwarder.ConsumerName], TimeProvider.System, NullLogger.Instance);
        using var http = new HttpClient();
        using var clientWriter = api == InfluxApi.V2 ? new InfluxClientWriter(options) : null;
        using var forwarder = new InfluxForwarder(outbox, clientWriter is not null ? clientWriter : new InfluxWriteClient(http, options), options, TimeProvider.System, NullLogger<InfluxForwarder>.Instance);
        await forwarder.StartAsync(default);
        const int batches = 30, perBatch = 2000;
        try
        {
            var now = TimeProvider.System.GetUtcNow().AddMinutes(-10).ToUnixTime(WritePrecision.Ns);
            for (var b = 0; b < batches; b++)
            {
                await outbox.AppendBatchAsync([.. Enumerable.Range(b * perBatch, perBatch).Select(i => Reading(i, now))], WritePrecision.Ns, default);
                if (b == 9)
                {
                    // The first ten delivered before the rest come: their arrays are back in the pool for the rest to use
                    // (appends that all ran ahead of the posts would never find one there).
                    await WaitUntilAsync(async () => outbox.GetStatus().Depth == 0, TimeSpan.FromSeconds(60), () => $"first batches not delivered: {outbox.GetStatus()}");
                }
            }

            await WaitUntilAsync(async () => outbox.GetStatus().Depth == 0, TimeSpan.FromSeconds(60), () => $"outbox not drained: {outbox.GetStatus()}");
            Assert.True(outbox.PooledBodiesReusedForTests > 0, "no group commit's array was used again: the pooled path was not exercised");
            if (influx is not null)
            {
                Assert.Equal(batches * perBatch, await influx.CountAsync("conductor_resistance", "resistance_ohm"));
            }
            else
            {
                await WaitUntilAsync(
                    async () => (await vm!.ExportAsync("{__name__=\"conductor_resistance_resistance_ohm\"}")).Sum(line => JsonDocument.Parse(line).RootElement.GetProperty("values").GetArrayLength()) == batches * perBatch,
                    TimeSpan.FromSeconds(30),
                    () => "VictoriaMetrics does not hold every reading exactly once");
            }

            Assert.Equal(0, outbox.GetStatus().Quarantined);
        }
        finally
        {
            await forwarder.StopAsync(default);
        }
    }
}
