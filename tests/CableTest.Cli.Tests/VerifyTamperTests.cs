using CableTest.Cli.Tests.Service;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Storage.Evidence;
using CableTest.Storage.Runs;
using CableTest.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CableTest.Cli.Tests;

/// <summary>
/// `cabletest verify` on real stores whose verdict rows were edited in the database: an index column
/// (outcome, sample id, LIMS order), the evidence, or the last record deleted. SQLite: the store main
/// wrote at 1a12e46 (tests/CableTest.Storage.Tests/Runs/Fixtures); PostgreSQL: a real server.
/// </summary>
public sealed class VerifyTamperTests : IDisposable
{
    private readonly TempDirectory dir = new("cabletest-cli-tamper");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dir.Dispose();
    }

    [Theory]
    [InlineData("UPDATE verdicts SET outcome = 'pass' WHERE sequence = 4", "sequence 4", "outcome")]
    [InlineData("UPDATE verdicts SET sample_id = 'S-9' WHERE sequence = 2", "sequence 2", "sample_id")]
    [InlineData("UPDATE verdicts SET lims_order = 'LO-9' WHERE sequence = 3", "sequence 3", "lims_order")]
    [InlineData("UPDATE verdicts SET evidence_json = REPLACE(evidence_json, '0.07', '0.08') WHERE sequence = 5", "sequence 5", "evidence")]
    [InlineData("DELETE FROM verdicts WHERE sequence = 6", "sequence 6", "deleted")]
    public async Task Verify_StoreWrittenByEarlierMain_Edited_ExitsOneNamingTheRecord(string edit, string where, string what)
    {
        var db = dir.File("cabletest.db");
        File.Copy(RepoPaths.InRepo("tests", "CableTest.Storage.Tests", "Runs", "Fixtures", "store-main-1a12e46.db"), db);

        var intact = await CliResult.RunAsync(["verify", "--data-dir", dir.Path]);
        Assert.True(intact.Code == ExitCodes.Ok, intact.ToString());
        Assert.Contains("hash chain intact: 6 verdict record(s)", intact.Out, StringComparison.Ordinal);
        // As the service does when it first starts on the store (adds the chain head).
        var upgraded = new SqliteRunStore(db, TimeProvider.System);
        await upgraded.MigrateAsync(default);
        upgraded.ReleaseConnections();

        await using (var connection = new SqliteConnection($"Data Source={db}"))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = edit;
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }

        var broken = await CliResult.RunAsync(["verify", "--data-dir", dir.Path]);
        Assert.True(broken.Code == ExitCodes.Failed, broken.ToString());
        Assert.Contains("HASH CHAIN BROKEN at " + where, broken.Out, StringComparison.Ordinal);
        Assert.Contains(what, broken.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_SignedAnchors_MatchThenCatchARewriteWithEveryHashRecomputed()
    {
        var db = dir.File("cabletest.db");
        File.Copy(RepoPaths.InRepo("tests", "CableTest.Storage.Tests", "Runs", "Fixtures", "store-main-1a12e46.db"), db);
        var store = new SqliteRunStore(db, TimeProvider.System);
        await store.MigrateAsync(default);
        var records = await store.ReadVerdictsAfterAsync(0, 10, default);
        store.ReleaseConnections();
        var anchors = dir.File(ChainAnchorLog.FileName);
        using (var key = BenchSigningKey.LoadOrCreate(dir.File(BenchSigningKey.DefaultPath), out _))
        {
            ChainAnchorLog.Append(anchors, ChainAnchor.Sign(key, "bench-1", 3, records[2].ChainSha256, TimeProvider.System.GetUtcNow()));
            ChainAnchorLog.Append(anchors, ChainAnchor.Sign(key, "bench-1", 6, records[5].ChainSha256, TimeProvider.System.GetUtcNow()));
        }

        var intact = await CliResult.RunAsync(["verify", "--data-dir", dir.Path]);
        Assert.True(intact.Code == ExitCodes.Ok, intact.ToString());
        Assert.Contains("signed anchors match: 2 checked", intact.Out, StringComparison.Ordinal);

        // Verdict 5's evidence edited, its content hash, its link, the next link and the head recomputed.
        var edited = records[4].EvidenceJson.Replace("0.07", "0.08", StringComparison.Ordinal);
        var content5 = VerdictHashing.ContentHash(edited);
        var chain5 = VerdictHashing.ChainHash(records[3].ChainSha256, 5, records[4].VerdictId, content5);
        var chain6 = VerdictHashing.ChainHash(chain5, 6, records[5].VerdictId, records[5].ContentSha256);
        await using (var connection = new SqliteConnection($"Data Source={db};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE verdicts SET evidence_json = @e, content_sha256 = @c, chain_sha256 = @h5 WHERE sequence = 5;" +
                "UPDATE verdicts SET previous_sha256 = @h5, chain_sha256 = @h6 WHERE sequence = 6; UPDATE verdict_head SET chain_sha256 = @h6 WHERE id = 1;";
            cmd.Parameters.AddWithValue("@e", edited);
            cmd.Parameters.AddWithValue("@c", content5);
            cmd.Parameters.AddWithValue("@h5", chain5);
            cmd.Parameters.AddWithValue("@h6", chain6);
            await cmd.ExecuteNonQueryAsync();
        }

        var rewritten = await CliResult.RunAsync(["verify", "--data-dir", dir.Path]);
        Assert.True(rewritten.Code == ExitCodes.Failed, rewritten.ToString());
        Assert.Contains("hash chain intact", rewritten.Out, StringComparison.Ordinal);
        Assert.Contains("ANCHOR MISMATCH at sequence 6", rewritten.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ANCHOR MISMATCH at sequence 3", rewritten.Out, StringComparison.Ordinal);

        using var other = BenchSigningKey.LoadOrCreate(dir.File("other.pem"), out _);
        await File.WriteAllTextAsync(dir.File("other.pub.pem"), other.PublicKeyPem);
        var otherKey = await CliResult.RunAsync(["verify", "--data-dir", dir.Path, "--public-key", dir.File("other.pub.pem")]);
        Assert.True(otherKey.Code == ExitCodes.Ok, otherKey.ToString());
        Assert.Contains("2 anchor(s) signed by another key", otherKey.Out, StringComparison.Ordinal);

        await File.AppendAllTextAsync(anchors, "{\"sequence\":7}\n");
        var cut = await CliResult.RunAsync(["verify", "--data-dir", dir.Path, "--public-key", dir.File("other.pub.pem")]);
        Assert.True(cut.Code == ExitCodes.Failed, cut.ToString());
        Assert.Contains("ANCHOR UNREADABLE: line 3", cut.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("outcome", "'fail'")]
    [InlineData("sample_id", "'S-9'")]
    [InlineData("lims_order", "'LO-9'")]
    public async Task Verify_Postgres_EditedColumn_ExitsOne(string column, string value)
    {
        await using var server = new PostgresServer();
        await server.StartAsync();
        var connectionString = await server.CreateDatabaseAsync("tamper");
        await using (var store = PostgresRunStore.Create(connectionString, TimeProvider.System))
        {
            await store.MigrateAsync(default);
            for (var n = 1; n <= 3; n++)
            {
                await store.AppendVerdictAsync(VerdictDocument.ToNewVerdict(Seed(n)), default);
            }
        }

        // Not the anchors of the machine's default data directory (they belong to its SQLite store: a fresh clone that ran
        // the service once had them, and this database failed against them).
        var intact = await CliResult.RunAsync(["verify", "--postgres", connectionString]);
        Assert.True(intact.Code == ExitCodes.Ok, intact.ToString());
        Assert.Contains("signed anchors not checked", intact.Out, StringComparison.Ordinal);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand($"UPDATE verdicts SET {column} = {value} WHERE sequence = 2", connection);
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }

        var broken = await CliResult.RunAsync(["verify", "--postgres", connectionString]);
        Assert.True(broken.Code == ExitCodes.Failed, broken.ToString());
        Assert.Contains("HASH CHAIN BROKEN at sequence 2", broken.Out, StringComparison.Ordinal);
        Assert.Contains(column, broken.Out, StringComparison.Ordinal);
    }

    private static Contracts.V1.Verdict Seed(int n) => new()
    {
        VerdictId = $"V-{n}",
        RunId = $"R-{n}",
        SampleId = "S-1",
        LimsOrder = "LO-1",
        Outcome = Contracts.V1.Outcome.Pass,
        EvaluatedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 1, 8, n, 0, TimeSpan.Zero)),
    };
}
