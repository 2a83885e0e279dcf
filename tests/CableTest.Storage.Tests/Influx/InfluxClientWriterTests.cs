using System.Text;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Influx;

namespace CableTest.Storage.Tests.Influx;

/// <summary>
/// The v2 path through InfluxDB.Client against a scripted server: what it sends (path, org, bucket,
/// precision, token, gzip, the journal's lines as they are) and how each answer is classified — the
/// same table as the v1 path (docs/influx.md).
/// </summary>
public sealed class InfluxClientWriterTests
{
    private static readonly ReadOnlyMemory<byte>[] Lines =
    [
        Encoding.UTF8.GetBytes("conductor_resistance,bench=b\\ 1,core=1 resistance_ohm=0.075 1700000000000"),
        Encoding.UTF8.GetBytes("voltage_withstand,bench=b\\ 1 voltage_kv=2.5,leakage_ma=0.4 1700000000001"),
    ];

    private static InfluxOptions Options(ScriptedHttpServer server, bool gzip) => new()
    {
        Url = server.Url, Api = InfluxApi.V2, Org = "lab one", Bucket = "cabletest", Token = "t0ken", Gzip = gzip,
        RequestTimeout = TimeSpan.FromSeconds(5),
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Delivered_SendsTheLinesAsTheyAre_ToTheBucketWithTheToken(bool gzip)
    {
        await using var server = new ScriptedHttpServer(_ => (204, null));
        using var writer = new InfluxClientWriter(Options(server, gzip));

        var outcome = await writer.WriteAsync(Lines, WritePrecision.Ms, default);

        Assert.Equal(WriteOutcomeKind.Delivered, outcome.Kind);
        var (path, lines, _) = Assert.Single(server.Requests);
        Assert.StartsWith("/api/v2/write?", path, StringComparison.Ordinal);
        Assert.Contains("org=lab%20one", path, StringComparison.Ordinal);
        Assert.Contains("bucket=cabletest", path, StringComparison.Ordinal);
        Assert.Contains("precision=ms", path, StringComparison.Ordinal);
        Assert.Equal(Lines.Select(l => Encoding.UTF8.GetString(l.Span)), lines);
        Assert.Equal("Token t0ken", server.LastHeaders.Authorization);
        Assert.Equal(gzip ? "gzip" : null, server.LastHeaders.ContentEncoding);
    }

    [Fact]
    public async Task Delivered_GzipUnset_ToThisMachine_SendsTheLinesUncompressed()
    {
        await using var server = new ScriptedHttpServer(_ => (204, null));
        var options = Options(server, gzip: true);
        options.Gzip = null;
        using var writer = new InfluxClientWriter(options);

        var outcome = await writer.WriteAsync(Lines, WritePrecision.Ms, default);

        Assert.Equal(WriteOutcomeKind.Delivered, outcome.Kind);
        Assert.Null(server.LastHeaders.ContentEncoding);
        Assert.Equal(Lines.Select(l => Encoding.UTF8.GetString(l.Span)), Assert.Single(server.Requests).Lines);
    }

    [Theory]
    [InlineData(400, WriteOutcomeKind.Rejected)]
    [InlineData(422, WriteOutcomeKind.Rejected)]
    [InlineData(413, WriteOutcomeKind.TooLarge)]
    [InlineData(401, WriteOutcomeKind.Misconfigured)]
    [InlineData(404, WriteOutcomeKind.Misconfigured)]
    [InlineData(503, WriteOutcomeKind.Retry)]
    public async Task Answers_AreClassifiedAsOnTheV1Path(int status, WriteOutcomeKind kind)
    {
        await using var server = new ScriptedHttpServer(_ => (status, null));
        using var writer = new InfluxClientWriter(Options(server, gzip: false));

        var outcome = await writer.WriteAsync(Lines, WritePrecision.Ns, default);

        Assert.Equal(kind, outcome.Kind);
        Assert.Equal(status, outcome.StatusCode);
    }

    [Fact]
    public async Task TooManyRequests_CarriesRetryAfter_AndNoServer_IsANetworkRetry()
    {
        await using (var server = new ScriptedHttpServer(_ => (429, "7")))
        {
            using var writer = new InfluxClientWriter(Options(server, gzip: false));
            var outcome = await writer.WriteAsync(Lines, WritePrecision.Ns, default);
            Assert.Equal(WriteOutcomeKind.Retry, outcome.Kind);
            Assert.Equal(TimeSpan.FromSeconds(7), outcome.RetryAfter);
        }

        using var nowhere = new InfluxClientWriter(new InfluxOptions
        {
            Url = $"http://127.0.0.1:{CableTest.Testing.FreeTcpPort.Next()}", Api = InfluxApi.V2, Org = "lab", Bucket = "b", RequestTimeout = TimeSpan.FromSeconds(5),
        });
        Assert.Equal(WriteOutcomeKind.Retry, (await nowhere.WriteAsync(Lines, WritePrecision.Ns, default)).Kind);
    }
}
