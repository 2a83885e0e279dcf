using CableTest.Storage.Runs;
using CableTest.Testing;
using Microsoft.Data.Sqlite;

namespace CableTest.Storage.Tests.Runs;

public sealed class SqliteRunStoreTests : RunStoreBehaviour
{
    private readonly TempDirectory dir = new("sqlite");

    private string DbPath => dir.File("nested/cabletest.db");

    protected override Task<IRunStore> CreateStoreAsync() => Task.FromResult<IRunStore>(new SqliteRunStore(DbPath, Time));

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DbPath}");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        dir.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The risk query's reads use covering indexes only (migration 7): no table row is read, so a sampling record's JSON
    /// never is, and the margins come in sequence order without a sort when nothing filters them by sample.
    /// </summary>
    [Theory]
    [InlineData("", "")]
    [InlineData(" WHERE manufacturer = 'Acme'", "sample_id IN (SELECT sample_id FROM sampling_records WHERE manufacturer = 'Acme')")]
    [InlineData(" WHERE spec_id = 'bv'", "evaluated_at_ms >= 0 AND sample_id IN (SELECT sample_id FROM sampling_records WHERE spec_id = 'bv')")]
    public async Task RiskQuery_Plans_CoveringIndexesOnly(string sampleFilter, string marginFilter)
    {
        foreach (var sql in new[] { SqlRunStore.RiskSamplesSql(sampleFilter), SqlRunStore.RiskMarginsSql(marginFilter.Length == 0 ? [] : [marginFilter]) })
        {
            var plan = await PlanAsync(sql);
            Assert.All(plan.Where(step => step.StartsWith("SCAN", StringComparison.Ordinal) || step.StartsWith("SEARCH", StringComparison.Ordinal)),
                step => Assert.Contains("USING COVERING INDEX", step, StringComparison.Ordinal));
            if (marginFilter.Length == 0 && sql.Contains("verdict_margins", StringComparison.Ordinal))
            {
                Assert.Equal(["SCAN verdict_margins USING COVERING INDEX margins_risk_by_sequence"], plan);
            }
        }
    }

    private async Task<List<string>> PlanAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DbPath}");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    [Fact]
    public async Task Reopen_KeepsVerdictsAndChain()
    {
        await Store.AppendVerdictAsync(Verdict("v1"), default);
        var reopened = new SqliteRunStore(DbPath, Time);
        await reopened.MigrateAsync(default);
        Assert.Equal(1, await reopened.GetLastSequenceAsync(default));
        Assert.True((await reopened.VerifyChainAsync(default)).Intact);
    }

    /// <summary>
    /// Fixtures/store-main-1a12e46.db was written by main at 1a12e46 (before the chain head and the
    /// index check): six verdicts as the service appends them (S-1 and S-2, V-00004 a fail), a sample,
    /// a run, a reading and an acknowledgement.
    /// </summary>
    [Fact]
    public async Task StoreWrittenByEarlierMain_MigratesVerifiesServesAndCatchesAnEditedColumn()
    {
        var path = dir.File("old/cabletest.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(RepoPaths.InRepo("tests", "CableTest.Storage.Tests", "Runs", "Fixtures", "store-main-1a12e46.db"), path);
        var old = new SqliteRunStore(path, Time);
        await old.MigrateAsync(default);

        var result = await old.VerifyChainAsync(default);
        Assert.True(result.Intact, result.Detail);
        Assert.Equal(6, result.VerifiedRecords);
        Assert.Equal("fail", (await old.GetVerdictByIdAsync("V-00004", default))!.Outcome);
        Assert.Equal(2, await old.GetAcknowledgedAsync("lims-main", default));
        var next = await old.AppendVerdictAsync(Verdict("v7"), default);
        Assert.Equal(7, next.Sequence);
        Assert.True((await old.VerifyChainAsync(default)).Intact);

        await ExecuteSqlOnAsync(path, "UPDATE verdicts SET outcome = 'pass' WHERE sequence = 4");
        var broken = await old.VerifyChainAsync(default);
        Assert.Equal(4, broken.FirstBrokenSequence);
        Assert.Contains("outcome", broken.Detail);
        await Assert.ThrowsAsync<VerdictIntegrityException>(() => old.ListVerdictsAsync(new VerdictQuery { Outcomes = ["pass"] }, default));
        old.ReleaseConnections();
    }

    [Fact]
    public async Task ChangeStamp_SteadyWhileOnlyRead_MovesOnEveryCommitByThisStoreOrAnotherConnection()
    {
        await Store.AppendVerdictAsync(Verdict("v1"), default);
        var first = await Store.GetChangeStampAsync(default);
        Assert.NotNull(first);
        await Store.GetVerdictByIdAsync("v1", default);
        await Store.ListVerdictsAsync(new VerdictQuery(), default);
        Assert.Equal(first, await Store.GetChangeStampAsync(default));

        await Store.AppendVerdictAsync(Verdict("v2"), default);
        var afterAppend = await Store.GetChangeStampAsync(default);
        Assert.NotEqual(first, afterAppend);

        await ExecuteSqlAsync("UPDATE verdicts SET outcome = 'fail' WHERE sequence = 1");
        var afterEdit = await Store.GetChangeStampAsync(default);
        Assert.NotEqual(afterAppend, afterEdit);
        Assert.Equal(afterEdit, await Store.GetChangeStampAsync(default));

        // The kept connection holds no read transaction between probes, so the WAL can still be checkpointed away.
        await using var checkpoint = new SqliteConnection($"Data Source={DbPath};Pooling=false");
        await checkpoint.OpenAsync();
        await using var truncate = checkpoint.CreateCommand();
        truncate.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var result = await truncate.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        Assert.Equal(0L, result.GetInt64(0));
        Assert.Equal(0L, new FileInfo(DbPath + "-wal").Length);
        ((SqliteRunStore)Store).ReleaseConnections();
    }

    [Fact]
    public async Task ChangeStamp_CallersQueuedTogether_EachSeesEveryCommitBeforeItAsked()
    {
        await Store.AppendVerdictAsync(Verdict("v1"), default);
        for (var round = 0; round < 20; round++)
        {
            var before = await Store.GetChangeStampAsync(default);
            var callers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await Store.GetChangeStampAsync(default))).ToList();
            await Task.WhenAll(callers);
            await ExecuteSqlAsync($"UPDATE verdicts SET lims_order = 'LO-{round}' WHERE sequence = 1");
            var after = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await Store.GetChangeStampAsync(default))));
            Assert.All(after, stamp => Assert.NotEqual(before, stamp));
        }

        ((SqliteRunStore)Store).ReleaseConnections();
    }

    private static async Task ExecuteSqlOnAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
