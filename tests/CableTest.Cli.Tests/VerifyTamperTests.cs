using CableTest.Cli.Tests.Service;
using CableTest.Service.Grpc.Verdicts;
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

        Assert.Equal(ExitCodes.Ok, (await CliResult.RunAsync(["verify", "--postgres", connectionString])).Code);
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
