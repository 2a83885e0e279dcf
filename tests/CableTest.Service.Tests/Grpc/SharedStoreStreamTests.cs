using CableTest.Contracts.V1;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Testing;
using Grpc.Core;

namespace CableTest.Service.Tests.Grpc;

/// <summary>
/// Two benches (two service instances) sharing one real PostgreSQL run store: a LIMS streaming from
/// one bench receives the verdicts both append, each once and in feed order. Appends by the other
/// process do not signal this one, so they arrive by the stream's poll (200 ms here).
/// </summary>
public sealed class SharedStoreStreamTests : IAsyncLifetime
{
    private readonly PostgresServer postgres = new();
    private InProcessService benchA = null!;
    private InProcessService benchB = null!;

    public async Task InitializeAsync()
    {
        await postgres.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("shared" + Guid.NewGuid().ToString("N"));
        string[] shared = ["--Store:Provider=PostgreSql", $"--Store:ConnectionString={connectionString}", "--Grpc:StreamPollInterval=00:00:00.200"];
        benchA = await InProcessService.StartAsync(false, shared);
        benchB = await InProcessService.StartAsync(false, shared);
    }

    public async Task DisposeAsync()
    {
        await benchA.DisposeAsync();
        await benchB.DisposeAsync();
        await postgres.DisposeAsync();
    }

    [Fact]
    public async Task StreamVerdicts_TwoBenchesAppending_EveryVerdictOnceInOrder()
    {
        var client = new VerdictService.VerdictServiceClient(benchB.Channel);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var call = client.StreamVerdicts(new StreamVerdictsRequest { Subscriber = "lims-shared" },
            InProcessService.ApiKey(InProcessService.LimsKey), cancellationToken: cts.Token);

        var writers = new[] { benchA, benchB }.Select((bench, b) => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await bench.Store.AppendVerdictAsync(VerdictDocument.ToNewVerdict(VerdictSeeds.Make(2000 + (b * 100) + i)), cts.Token);
            }
        })).ToList();

        var received = new List<Verdict>();
        while (received.Count < 40 && await call.ResponseStream.MoveNext(cts.Token))
        {
            received.Add(call.ResponseStream.Current);
        }

        await Task.WhenAll(writers);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (ulong)i), received.Select(v => v.Sequence));
        Assert.Equal(40, received.Select(v => v.VerdictId).Distinct().Count());
        Assert.Contains(received, v => v.VerdictId == "V-02000");
        Assert.Contains(received, v => v.VerdictId == "V-02100");
    }
}
