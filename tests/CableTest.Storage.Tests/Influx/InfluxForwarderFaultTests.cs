using System.Text;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Influx;
using CableTest.Storage.Outbox;
using CableTest.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CableTest.Storage.Tests.Influx;

/// <summary>The forwarder against a scripted server: retry, Retry-After, 413 split, 400 bisect.</summary>
public sealed class InfluxForwarderFaultTests : IAsyncLifetime
{
    private readonly TempDirectory dir = new("fwd");
    private ScriptedHttpServer server = null!;
    private DurableOutbox outbox = null!;
    private InfluxForwarder forwarder = null!;
    private HttpClient http = null!;
    private InfluxOptions options = null!;

    public Task InitializeAsync()
    {
        server = new ScriptedHttpServer(_ => (204, null));
        options = new InfluxOptions
        {
            Url = server.Url,
            Api = InfluxApi.V1,
            Database = "cabletest",
            BatchSize = 64,
            FlushInterval = TimeSpan.FromMilliseconds(1),
            MinRetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromMilliseconds(40),
            RetryAfterCap = TimeSpan.FromMilliseconds(50),
        };
        outbox = DurableOutbox.Open(new OutboxOptions { Directory = dir.Path }, [InfluxForwarder.ConsumerName], TimeProvider.System, NullLogger.Instance);
        http = new HttpClient();
        forwarder = new InfluxForwarder(outbox, new InfluxWriteClient(http, options), options, TimeProvider.System, NullLogger<InfluxForwarder>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        forwarder.Dispose();
        http.Dispose();
        await outbox.DisposeAsync();
        await server.DisposeAsync();
        dir.Dispose();
    }

    private async Task<List<string>> AppendAsync(int count, Func<int, string>? line = null)
    {
        var lines = Enumerable.Range(0, count).Select(line ?? (i => $"conductor_resistance,bench=b1,core={i % 4} resistance_ohm={0.075 + (i * 1e-6)} {1_700_000_000_000_000_000L + i}")).ToList();
        await outbox.AppendBatchAsync([.. lines.Select(l => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(l))], WritePrecision.Ns, default);
        return lines;
    }

    private async Task DrainAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (outbox.GetStatus().Depth > 0)
        {
            await forwarder.ForwardOnceAsync(cts.Token);
        }
    }

    [Fact]
    public async Task ServerErrors_AreRetried_UntilDelivered_NothingLostNothingDropped()
    {
        var failures = 3;
        server.Answer = _ => Interlocked.Decrement(ref failures) >= 0 ? (503, null) : (204, null);
        var lines = await AppendAsync(50);

        await DrainAsync();

        Assert.Equal(lines, server.DeliveredLines);
        Assert.Equal(3, outbox.GetStatus().Retried);
        Assert.Equal(50, outbox.GetStatus().Delivered);
        Assert.True(forwarder.Status.Healthy);
    }

    [Fact]
    public async Task TooManyRequests_WithRetryAfter_IsHonouredUpToTheCap()
    {
        var first = true;
        server.Answer = _ => first ? (first = false, (429, "3600")).Item2 : (204, null);
        var lines = await AppendAsync(5);

        var started = System.Diagnostics.Stopwatch.StartNew();
        await DrainAsync();

        Assert.Equal(lines, server.DeliveredLines);
        // Retry-After 3600 s capped at Influx:RetryAfterCap (50 ms): the test would time out otherwise.
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromMilliseconds(50), forwarder.Backoff(0, TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromMilliseconds(20), forwarder.Backoff(0, TimeSpan.FromMilliseconds(20)));
    }

    [Fact]
    public async Task Backoff_GrowsExponentially_WithJitter_AndIsCapped()
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var step = Math.Min(5 * Math.Pow(2, attempt), 40);
            var delay = forwarder.Backoff(attempt, null).TotalMilliseconds;
            Assert.InRange(delay, step / 2, step);
        }

        Assert.InRange(forwarder.Backoff(50, null).TotalMilliseconds, 20, 40);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task PayloadTooLarge_SplitsTheBatch_UntilItFits()
    {
        server.Answer = lines => lines.Length > 10 ? (413, null) : (204, null);
        var lines = await AppendAsync(64);

        await DrainAsync();

        Assert.Equal(lines, server.DeliveredLines);
        Assert.All(server.Requests.Where(r => r.Status == 204), r => Assert.True(r.Lines.Length <= 10));
        Assert.Equal(0, outbox.GetStatus().Quarantined);
    }

    [Fact]
    public async Task BadRequest_BisectsAndQuarantinesOnlyTheBadLines()
    {
        server.Answer = lines => lines.Any(l => l.Contains("BAD", StringComparison.Ordinal)) ? (400, null) : (204, null);
        var lines = await AppendAsync(64, i => i is 17 or 40
            ? $"conductor_resistance,bench=b1 BAD=1 {i}"
            : $"conductor_resistance,bench=b1 resistance_ohm={i} {1_700_000_000_000_000_000L + i}");

        await DrainAsync();

        Assert.Equal(lines.Where(l => !l.Contains("BAD", StringComparison.Ordinal)), server.DeliveredLines.Distinct());
        var quarantined = outbox.ReadQuarantine();
        Assert.Equal([18L, 41L], quarantined.Select(q => q.Sequence));
        Assert.All(quarantined, q => Assert.Contains("400", q.Reason));
        Assert.Equal(2, outbox.GetStatus().Quarantined);
        Assert.Equal(0, outbox.GetStatus().Depth);
    }

    [Fact]
    public async Task Unauthorized_IsNeverDropped_RetriedUntilFixed()
    {
        var denied = 4;
        server.Answer = _ => Interlocked.Decrement(ref denied) >= 0 ? (401, null) : (204, null);
        var lines = await AppendAsync(3);

        await DrainAsync();

        Assert.Equal(lines, server.DeliveredLines);
        Assert.Equal(0, outbox.GetStatus().Quarantined);
    }

    [Fact]
    public async Task NetworkDown_ThenUp_Delivers()
    {
        var port = server.Port;
        await server.DisposeAsync();
        var lines = await AppendAsync(10);
        var draining = Task.Run(DrainAsync);
        await Task.Delay(300);
        Assert.False(forwarder.Status.Healthy);
        Assert.Contains("network", forwarder.Status.LastError);

        server = new ScriptedHttpServer(_ => (204, null), port);
        await draining.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(lines, server.DeliveredLines);
        Assert.True(forwarder.Status.Healthy);
    }

    [Fact]
    public void PathAndQuery_V1AndV2_FollowTheirApis()
    {
        var v1 = new InfluxWriteClient(http, new InfluxOptions { Url = "http://x:8086", Api = InfluxApi.V1, Database = "lab db", RetentionPolicy = "autogen" });
        Assert.Equal("write?db=lab%20db&rp=autogen&precision=u", v1.PathAndQuery(WritePrecision.Us));
        var v2 = new InfluxWriteClient(http, new InfluxOptions { Url = "http://x:8086", Api = InfluxApi.V2, Org = "lab", Bucket = "cable test", Token = "t" });
        Assert.Equal("api/v2/write?org=lab&bucket=cable%20test&precision=ns", v2.PathAndQuery(WritePrecision.Ns));
    }
}
