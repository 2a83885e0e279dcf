using CableTest.Contracts.V1;
using CableTest.Storage.Runs;
using CableTest.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Data.Sqlite;

namespace CableTest.Service.Tests.Grpc;

/// <summary>
/// What is served is what is hashed: a verdict row edited in the database (an index column, the
/// evidence, a deleted last record) is refused with DATA_LOSS naming its sequence, on gRPC and JSON,
/// and the verdict service's health goes NOT_SERVING with the reason. Real service, real SQLite file.
/// </summary>
public sealed class VerdictIntegrityTests : IAsyncLifetime
{
    private readonly Metadata lims = InProcessService.ApiKey(InProcessService.LimsKey);
    private readonly TempDirectory store = new("cabletest-integrity");
    private InProcessService? service;

    private string DbPath => store.File("cabletest.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (service is not null)
        {
            await service.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        store.Dispose();
    }

    [Theory]
    [InlineData("outcome", "fail")]
    [InlineData("sample_id", "S-9")]
    [InlineData("lims_order", "LO-9")]
    public async Task EditedColumn_WhileServing_RefusedWithDataLoss_AndNotServing(string column, string value)
    {
        service = await StartAsync();
        await VerdictSeeds.AppendAsync(service.Store, 1, 5);
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        Assert.Equal(Outcome.Pass, (await client.GetVerdictAsync(new GetVerdictRequest { RunId = "R-00002" }, lims)).Outcome);

        await ExecuteSqlAsync($"UPDATE verdicts SET {column} = '{value}' WHERE sequence = 2");

        var get = await Assert.ThrowsAsync<RpcException>(() => client.GetVerdictAsync(new GetVerdictRequest { RunId = "R-00002" }, lims).ResponseAsync);
        Assert.Equal(StatusCode.DataLoss, get.StatusCode);
        Assert.Contains("sequence 2", get.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(column, get.Status.Detail, StringComparison.Ordinal);
        var list = await Assert.ThrowsAsync<RpcException>(() => client.ListVerdictsAsync(new ListVerdictsRequest(), lims).ResponseAsync);
        Assert.Equal(StatusCode.DataLoss, list.StatusCode);
        // The filter the edit aimed at is not fooled: the edited row is refused, not listed under its new value.
        var filtered = await Assert.ThrowsAsync<RpcException>(() => client.ListVerdictsAsync(Filter(column, value), lims).ResponseAsync);
        Assert.Equal(StatusCode.DataLoss, filtered.StatusCode);
        Assert.Equal("V-00003", (await client.GetVerdictAsync(new GetVerdictRequest { RunId = "R-00003" }, lims)).VerdictId);

        var json = await service.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/verdicts:get?runId=R-00002") { Headers = { { "x-api-key", InProcessService.LimsKey } } });
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, json.StatusCode);
        Assert.Contains("sequence 2", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var health = new Health.HealthClient(service.Channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest { Service = "cabletest.v1.VerdictService" })).Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = "liveness" })).Status);
        var report = await IntegrityAsync(default);
        Assert.Contains("\"serving\":false", report, StringComparison.Ordinal);
        Assert.Contains("\"sequence\":2", report, StringComparison.Ordinal);
        Assert.Contains(column, report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedRiskMargins_WhileServing_FoundByThePeriodicCheck_RiskSummaryRefused()
    {
        await SeedAsync(3);
        service = await StartAsync();
        await WaitForIntegrityAsync("\"verifiedThroughSequence\":3");
        var risk = new RiskService.RiskServiceClient(service.Channel);
        Assert.NotNull(await risk.GetRiskSummaryAsync(new GetRiskSummaryRequest(), lims));

        // Behind the checkpoint the service verified at start: found by the rows' digest on the next periodic check.
        await ExecuteSqlAsync("UPDATE verdict_margins SET conductor_r20_ratio = 1.05 WHERE sequence = 2");
        await WaitUntilNotServingAsync();
        var refused = await Assert.ThrowsAsync<RpcException>(() => risk.GetRiskSummaryAsync(new GetRiskSummaryRequest(), lims).ResponseAsync);
        Assert.Equal(StatusCode.DataLoss, refused.StatusCode);
        Assert.Contains("sequence 2", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("conductor_r20_ratio", refused.Status.Detail, StringComparison.Ordinal);
        var report = await IntegrityAsync(default);
        Assert.Contains("verdict_margins", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedEvidence_BeforeStart_ChainCheckAtStart_NotServingAndRefused()
    {
        await SeedAsync(5);
        // 0.07 -> 0.08 ohm in the evidence of verdict 3, the index columns untouched.
        await ExecuteSqlAsync("UPDATE verdicts SET evidence_json = REPLACE(evidence_json, '\"measuredResistanceOhm\":0.07', '\"measuredResistanceOhm\":0.08') WHERE sequence = 3");

        service = await StartAsync();
        await WaitUntilNotServingAsync();
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        var get = await Assert.ThrowsAsync<RpcException>(() => client.GetVerdictAsync(new GetVerdictRequest { VerdictId = "V-00003" }, lims).ResponseAsync);
        Assert.Equal(StatusCode.DataLoss, get.StatusCode);
        Assert.Contains("sequence 3", get.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedLastVerdict_BeforeStart_NotServing_ListRefused_StreamRefused()
    {
        await SeedAsync(5);
        await ExecuteSqlAsync("DELETE FROM verdicts WHERE sequence = 5");

        service = await StartAsync();
        await WaitUntilNotServingAsync();
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        var list = await Assert.ThrowsAsync<RpcException>(() => client.ListVerdictsAsync(new ListVerdictsRequest { Outcomes = { Outcome.Fail } }, lims).ResponseAsync);
        Assert.Equal(StatusCode.DataLoss, list.StatusCode);
        Assert.Contains("sequence 5", list.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("V-00004", (await client.GetVerdictAsync(new GetVerdictRequest { VerdictId = "V-00004" }, lims)).VerdictId);
    }

    [Fact]
    public async Task DeletedMiddleVerdict_WhileServing_StreamStopsWithDataLoss_NotSkipping()
    {
        service = await StartAsync();
        await VerdictSeeds.AppendAsync(service.Store, 1, 4);
        await ExecuteSqlAsync("DELETE FROM verdicts WHERE sequence = 2");
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        using var call = client.StreamVerdicts(new StreamVerdictsRequest { Subscriber = "lims-main", AfterSequence = 0, BacklogOnly = true }, lims);
        Assert.True(await call.ResponseStream.MoveNext(default));
        Assert.Equal(1UL, call.ResponseStream.Current.Sequence);
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(default));
        Assert.Equal(StatusCode.DataLoss, refused.StatusCode);
        Assert.Contains("sequence 2", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntactStore_Restarted_VerifiesFromItsCheckpoint_AndServes()
    {
        await SeedAsync(3);
        service = await StartAsync();
        await WaitForIntegrityAsync("\"verifiedThroughSequence\":3");
        await VerdictSeeds.AppendAsync(service.Store, 4, 2);
        await service.DisposeAsync();

        service = await StartAsync();
        await WaitForIntegrityAsync("\"verifiedThroughSequence\":5");
        var checkpoint = await File.ReadAllTextAsync(Path.Combine(service.DataDirectory, "verdict-checkpoint.json"));
        Assert.Contains("\"Sequence\":5", checkpoint, StringComparison.Ordinal);
        var health = new Health.HealthClient(service.Channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = "cabletest.v1.VerdictService" })).Status);
    }

    [Fact]
    public async Task RewrittenWithEveryHashRecomputed_AfterTheBenchSignedAnAnchor_RefusedAtRestart()
    {
        await SeedAsync(3);
        service = await StartAsync(inStoreDirectory: true);
        await WaitForIntegrityAsync("\"verifiedThroughSequence\":3");
        var anchors = await GetTextAsync("/evidence/anchors");
        var anchor = Assert.Single(anchors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(CableTest.Storage.Evidence.ChainAnchor.FromLine));
        Assert.Equal(3, anchor!.Sequence);
        using (var publicKey = CableTest.Storage.Evidence.ChainAnchorCheck.PublicKeyFromPem(await GetTextAsync("/evidence/public-key.pem")))
        {
            Assert.True(anchor.VerifiesWith(publicKey));
        }

        await service.DisposeAsync();
        service = null;

        // Verdict 2 turned into a fail with its content hash, every link after it, the head and its risk margins row
        // recomputed: the chain alone holds.
        var seed = new SqliteRunStore(DbPath, TimeProvider.System);
        var records = await seed.ReadVerdictsAfterAsync(0, 10, default);
        seed.ReleaseConnections();
        var edited = records[1].EvidenceJson.Replace("OUTCOME_PASS", "OUTCOME_FAIL", StringComparison.Ordinal);
        var content2 = VerdictHashing.ContentHash(edited);
        var chain2 = VerdictHashing.ChainHash(records[0].ChainSha256, 2, records[1].VerdictId, content2);
        var chain3 = VerdictHashing.ChainHash(chain2, 3, records[2].VerdictId, records[2].ContentSha256);
        await ExecuteSqlAsync(
            $"UPDATE verdicts SET evidence_json = '{edited.Replace("'", "''", StringComparison.Ordinal)}', outcome = 'fail', content_sha256 = '{content2}', chain_sha256 = '{chain2}' WHERE sequence = 2;" +
            $"UPDATE verdicts SET previous_sha256 = '{chain2}', chain_sha256 = '{chain3}' WHERE sequence = 3;" +
            $"UPDATE verdict_head SET chain_sha256 = '{chain3}' WHERE id = 1;" +
            "UPDATE verdict_margins SET outcome = 'fail' WHERE sequence = 2;");
        Assert.True((await new SqliteRunStore(DbPath, TimeProvider.System).VerifyChainAsync(default)).Intact);
        // The editor also removes the unsigned checkpoint (it holds the chain hash at 3 too), so the chain is walked from the start.
        File.Delete(store.File("verdict-checkpoint.json"));

        service = await StartAsync(inStoreDirectory: true);
        await WaitUntilNotServingAsync();
        var integrity = await IntegrityAsync(default);
        Assert.True(integrity.Contains("anchor check", StringComparison.Ordinal) && integrity.Contains("rewritten", StringComparison.Ordinal), integrity);
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.GetVerdictAsync(new GetVerdictRequest { VerdictId = records[2].VerdictId }, lims).ResponseAsync);
        Assert.Equal(StatusCode.DataLoss, refused.StatusCode);
        Assert.Contains("sequence 3", refused.Status.Detail, StringComparison.Ordinal);
    }

    private async Task<string> GetTextAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "x-api-key", InProcessService.LimsKey } } };
        using var response = await service!.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static ListVerdictsRequest Filter(string column, string value) => column switch
    {
        "outcome" => new ListVerdictsRequest { Outcomes = { Outcome.Fail } },
        "sample_id" => new ListVerdictsRequest { SampleId = value },
        _ => new ListVerdictsRequest { LimsOrder = value },
    };

    /// <summary>The service on the store; with <paramref name="inStoreDirectory"/>, its data directory (key, checkpoint, anchors) is the store's and outlives a restart.</summary>
    private Task<InProcessService> StartAsync(bool inStoreDirectory = false) => inStoreDirectory
        ? InProcessService.StartAsync(false, $"--Store:SqlitePath={DbPath}", "--Verdicts:ChainCheckInterval=00:00:01", $"--DataDirectory={store.Path}")
        : InProcessService.StartAsync(false, $"--Store:SqlitePath={DbPath}", "--Verdicts:ChainCheckInterval=00:00:01");

    private async Task SeedAsync(int count)
    {
        var seed = new SqliteRunStore(DbPath, TimeProvider.System);
        await seed.MigrateAsync(default);
        await VerdictSeeds.AppendAsync(seed, 1, count);
        seed.ReleaseConnections();
    }

    private async Task WaitUntilNotServingAsync()
    {
        var health = new Health.HealthClient(service!.Channel);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await health.CheckAsync(new HealthCheckRequest { Service = "cabletest.v1.VerdictService" }, cancellationToken: patience.Token)).Status
            != HealthCheckResponse.Types.ServingStatus.NotServing)
        {
            await Task.Delay(50, patience.Token);
        }
    }

    private async Task WaitForIntegrityAsync(string expected)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!(await IntegrityAsync(patience.Token)).Contains(expected, StringComparison.Ordinal))
        {
            await Task.Delay(50, patience.Token);
        }
    }

    private async Task<string> IntegrityAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/verdicts:integrity") { Headers = { { "x-api-key", InProcessService.LimsKey } } };
        using var response = await service!.Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DbPath}");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        Assert.True(await cmd.ExecuteNonQueryAsync() > 0, sql);
    }
}
